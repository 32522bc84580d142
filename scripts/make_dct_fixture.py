"""Writes the scipy.fftpack.dct fixture used by ser-core's DctTest.

scipy.fftpack.dct is what librosa.feature.mfcc calls (axis=-2); this records its output for
types 1-3, norm None and 'ortho', on random matrices of a few sizes, so the Java DCT is checked
against scipy's numbers rather than against our reading of its documentation.
Run: python3 scripts/make_dct_fixture.py
"""
import json

import numpy as np
import scipy
import scipy.fftpack

rng = np.random.default_rng(20261121)
cases = []
for n, frames in [(2, 3), (5, 2), (13, 4), (40, 3), (128, 2)]:
    x = rng.normal(scale=30.0, size=(n, frames))
    for dct_type in (1, 2, 3):
        for norm in (None, "ortho"):
            y = scipy.fftpack.dct(x, type=dct_type, axis=-2, norm=norm)
            cases.append({"type": dct_type, "norm": norm or "none", "shape": [n, frames],
                          "x": x.ravel().tolist(), "y": y.ravel().tolist()})
out = "ser-core/src/test/resources/dev/ser/core/dsp/scipy_fftpack_dct.json"
with open(out, "w") as f:
    json.dump({"scipy_version": scipy.__version__, "cases": cases}, f)
print(out, len(cases))
