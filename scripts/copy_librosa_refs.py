#!/usr/bin/env python3
"""Copy the librosa 0.11.0 reference outputs from ../shared/librosa-ref into testdata/librosa-ref.

Outputs are stored as float32 .npy.gz (rounding by at most 6e-8 of each value, far inside the
1e-6 x scale parity bar). Input signals are stored as float32 when that is exact (decoded
16-bit audio, silence) and as float64 otherwise, so that no test input is perturbed.

Usage: python3 scripts/copy_librosa_refs.py [SOURCE_DIR] [TARGET_DIR]
"""
import gzip
import io
import json
import os
import sys

import numpy as np

src = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "librosa-ref")
dst = sys.argv[2] if len(sys.argv) > 2 else os.path.join("testdata", "librosa-ref")


def save_gz(array, path):
    buf = io.BytesIO()
    np.save(buf, np.ascontiguousarray(array))
    with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as f:
        f.write(buf.getvalue())


index = json.load(open(os.path.join(src, "index.json")))
os.makedirs(os.path.join(dst, "signals"), exist_ok=True)
os.makedirs(os.path.join(dst, "out"), exist_ok=True)

for name, sig in index["signals"].items():
    y = np.load(os.path.join(src, sig["file"]))
    y32 = y.astype(np.float32)
    exact = np.array_equal(y32.astype(np.float64), y)
    rel = sig["file"] + ".gz"
    save_gz(y32 if exact else y, os.path.join(dst, rel))
    sig["file"] = rel
    sig["stored_dtype"] = "float32" if exact else "float64"

for case in index["cases"]:
    if "file" not in case or case.get("error"):
        continue
    out = np.load(os.path.join(src, case["file"]))
    rel = case["file"] + ".gz"
    save_gz(out.astype(np.float32), os.path.join(dst, rel))
    case["file"] = rel

with open(os.path.join(dst, "index.json"), "w") as f:
    json.dump(index, f, indent=1)
with open(os.path.join(src, "README.md")) as f:
    readme = f.read()
with open(os.path.join(dst, "README.md"), "w") as f:
    f.write("Compressed float32 copies made by scripts/copy_librosa_refs.py from ../shared/librosa-ref.\n"
            "The original README follows.\n\n" + readme)
