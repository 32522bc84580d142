#!/usr/bin/env python3
"""Test fixtures for the HPSS code in ser-core (dev.ser.core.dsp), written as plain text.

1. median-filter-scipy.txt: scipy.ndimage.median_filter(x, size=(1, k) or (k, 1), mode='reflect')
   on small C-ordered random matrices with ties, odd and even k, windows up to 4x the axis
   length (beyond that scipy reads outside the array, see docs/hpss.md). Blocks of three lines:
   "rows cols axis size", the input (row-major), scipy's output.
2. harmonic-short-defined.txt: librosa.effects.harmonic(y) for the 800-sample reference clip,
   recomputed in numpy with the *documented* median-filter boundary (half-sample symmetric,
   period 2n), because the librosa reference for that clip depends on memory scipy reads out of
   bounds. Cross-checked: the same numpy pipeline reproduces every other librosa harmonic
   reference to ~1e-15.

Usage: python3 scripts/hpss_fixtures.py [LIBROSA_REF_DIR]   (default ../shared/librosa-ref)
"""
import os
import sys

import numpy as np
import scipy.ndimage as nd
import scipy.signal as ss

REF = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "librosa-ref")
OUT = os.path.join("ser-core", "src", "test", "resources", "dev", "ser", "core", "dsp")


def fmt(a):
    return " ".join(repr(float(v)) for v in np.ravel(a))


def median_fixture():
    rng = np.random.default_rng(20240611)
    lines = []
    for rows, cols in [(1, 1), (1, 7), (7, 1), (5, 9), (9, 4), (3, 16), (12, 3), (2, 40)]:
        x = np.ascontiguousarray(rng.integers(0, 6, size=(rows, cols)).astype(float) * 0.5
                                 + rng.random((rows, cols)) * (rng.random((rows, cols)) < 0.5))
        for axis in (0, 1):
            n = x.shape[axis]
            for k in (1, 2, 3, 4, 5, 6, 7, 8, 31):
                if k // 2 >= 4 * n and n > 1:
                    continue  # scipy reads out of bounds there
                size = (k, 1) if axis == 0 else (1, k)
                y = nd.median_filter(x, size=size, mode="reflect")
                lines += [f"{rows} {cols} {axis} {k}", fmt(x), fmt(y)]
    with open(os.path.join(OUT, "median-filter-scipy.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


def symmetric_median_rows(s, k):
    n = s.shape[1]
    idx = np.arange(n)[:, None] - k // 2 + np.arange(k)[None, :]
    m = np.mod(idx, 2 * n)
    m = np.where(m < n, m, 2 * n - 1 - m)
    return np.sort(s[:, m], axis=2)[:, :, k // 2]


def harmonic_defined(y, n_fft=2048, hop=512, k=31):
    w = ss.get_window("hann", n_fft, fftbins=True)
    yp = np.pad(y, n_fft // 2)
    frames = 1 + (len(yp) - n_fft) // hop
    d = np.fft.rfft(np.stack([yp[t * hop:t * hop + n_fft] * w for t in range(frames)], axis=1), axis=0)
    s = np.abs(d)
    phase = np.where(s == 0, 1, d / np.where(s == 0, 1, s))
    h = symmetric_median_rows(s, k)
    p = symmetric_median_rows(s.T, k).T
    z = np.maximum(h, p)
    bad = z < np.finfo(float).tiny
    z[bad] = 1
    mh = (h / z) ** 2
    mp = (p / z) ** 2
    mask = np.where(bad, 0.5, mh / np.where(bad, 1, mh + mp))
    x = s * mask * phase
    n_used = min(frames, int(np.ceil((len(y) + 2 * (n_fft // 2)) / hop)))
    total = n_fft + hop * (n_used - 1)
    out = np.zeros(total)
    wss = np.zeros(total)
    inv = np.fft.irfft(x[:, :n_used], n=n_fft, axis=0)
    for t in range(n_used):
        out[t * hop:t * hop + n_fft] += w * inv[:, t]
        wss[t * hop:t * hop + n_fft] += w * w
    out = out[n_fft // 2:][:len(y)]
    wss = wss[n_fft // 2:][:len(y)]
    nz = wss > np.finfo(float).tiny
    out[nz] /= wss[nz]
    return out


def harmonic_fixture():
    for name in ("odd_44100", "tone440_22050"):  # the pipeline reproduces librosa elsewhere
        y = np.load(os.path.join(REF, "signals", name + ".npy"))
        ref = np.load(os.path.join(REF, "out", name + "__harmonic.npy"))
        err = np.abs(harmonic_defined(y) - ref).max() / np.abs(ref).max()
        assert err < 1e-12, (name, err)
    y = np.load(os.path.join(REF, "signals", "short_16000.npy"))
    with open(os.path.join(OUT, "harmonic-short-defined.txt"), "w") as f:
        f.write(fmt(harmonic_defined(y)) + "\n")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    median_fixture()
    harmonic_fixture()
