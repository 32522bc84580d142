#!/usr/bin/env python3
"""Writes ser-core/src/test/resources/resample/scipy_resample_poly.txt: scipy.signal.resample_poly
outputs (float64, default window and padtype, as librosa's res_type='polyphase' calls it) for
short random signals and ratios beyond the librosa references: the 2:1 halving of the CQT
recursion on inputs shorter than the filter, odd lengths, upsampling, coprime ratios.

Format: blocks of "case <up> <down> <n>", then the n input values on one line, then the output
values on one line (repr precision)."""
import math, pathlib
import numpy as np, scipy, scipy.signal as ss

rng = np.random.default_rng(20261121)
cases = [(1, 2, 1), (1, 2, 5), (1, 2, 37), (1, 2, 41), (1, 2, 400), (1, 3, 100), (1, 4, 257),
         (2, 1, 33), (3, 1, 20), (441, 320, 150), (147, 320, 500), (8000, 12207, 60), (3675, 4069, 90),
         (7, 5, 123), (5, 7, 1), (320, 441, 64)]
out = pathlib.Path(__file__).resolve().parent.parent / 'ser-core/src/test/resources/resample/scipy_resample_poly.txt'
lines = [f'# scipy {scipy.__version__}, numpy {np.__version__}: scipy.signal.resample_poly(x, up, down)']
for up, down, n in cases:
    assert math.gcd(up, down) == 1
    x = rng.standard_normal(n)
    y = ss.resample_poly(x, up, down)
    lines.append(f'case {up} {down} {n}')
    lines.append(' '.join(repr(float(v)) for v in x))
    lines.append(' '.join(repr(float(v)) for v in y))
out.write_text('\n'.join(lines) + '\n')
print(out, sum(len(l) for l in lines))
