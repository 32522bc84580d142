"""Helpers shared by the ONNX scripts: the `ser.contract` model contract and the reference data.

The contract is the JSON that ser's `dev.ser.models.onnx.ModelContract` reads from an ONNX
model's `metadata_props` entry "ser.contract" (or from a side-car file `<model>.onnx.json`).
Its format is described by docs/onnx-contract.schema.json and docs/onnx.md.
"""
import gzip
import json
import os

import numpy as np

METADATA_KEY = "ser.contract"
REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
REF = os.path.join(REPO, "testdata", "librosa-ref")

FEATURE_ORDER = ["mfcc", "chroma", "mel", "contrast", "tonnetz"]


def _num(v):
    """A float the way Java's Double.toString writes it for the values used here."""
    if v == float("inf"):
        return "Infinity"
    return repr(float(v))


def feature_properties(features=("mfcc", "chroma", "mel", "contrast", "tonnetz"), target_sr=0, n_fft=2048,
                       hop_length=None, win_length=None, window="hann", center=True, pad_mode="constant",
                       n_mfcc=40, dct_type=2, lifter=0.0, n_mels=128, fmin=0.0, fmax=0.0, htk=False,
                       mel_norm="slaney", top_db=80.0, n_chroma=12, tuning=None, contrast_fmin=200.0,
                       contrast_n_bands=6, contrast_quantile=0.02, contrast_linear=False, hpss_kernel=31,
                       hpss_margin=1.0):
    """The canonical string map of a ser FeatureConfig (FeatureConfig.toProperties()).

    Defaults are the classic configuration (librosa 0.11 defaults, 40 MFCCs). `fmax=0` means
    Nyquist, `tuning=None` means "estimate from the spectrogram", `top_db=inf` means none.
    """
    win = n_fft if win_length is None else win_length
    hop = win // 4 if hop_length is None else hop_length  # librosa: win_length // 4
    chosen = [f for f in FEATURE_ORDER if f in features]
    return {
        "format_version": "1",
        "features": ",".join(chosen),
        "target_sr": str(target_sr),
        "n_fft": str(n_fft),
        "hop_length": str(hop),
        "win_length": str(win),
        "window": window,
        "center": "true" if center else "false",
        "pad_mode": pad_mode,
        "n_mfcc": str(n_mfcc),
        "dct_type": str(dct_type),
        "lifter": _num(lifter),
        "n_mels": str(n_mels),
        "fmin": _num(fmin),
        "fmax": _num(fmax),
        "htk": "true" if htk else "false",
        "mel_norm": mel_norm,
        "top_db": _num(top_db),
        "n_chroma": str(n_chroma),
        "tuning": "estimate" if tuning is None else _num(tuning),
        "contrast_fmin": _num(contrast_fmin),
        "contrast_n_bands": str(contrast_n_bands),
        "contrast_quantile": _num(contrast_quantile),
        "contrast_linear": "true" if contrast_linear else "false",
        "hpss_kernel": str(hpss_kernel),
        "hpss_margin": _num(hpss_margin),
    }


def feature_dims(props):
    """Rows each feature contributes, as FeatureConfig.dimension does."""
    return {
        "mfcc": int(props["n_mfcc"]),
        "chroma": int(props["n_chroma"]),
        "mel": int(props["n_mels"]),
        "contrast": int(props["contrast_n_bands"]) + 1,
        "tonnetz": 6,
    }


def contract(labels, input_kind, output_kind, features=None, frame_feature=None, transform="none",
             scaler=None, sample_rate=0, resample="high_quality", crop="centre", pad="zero", input_name=None,
             output_name=None):
    """A contract dict; `scaler` is (mean, scale) arrays or None."""
    c = {"ser_contract_version": 1, "labels": list(labels)}
    inp = {"kind": input_kind}
    if input_name:
        inp["name"] = input_name
    if frame_feature:
        inp["feature"] = frame_feature
        inp["transform"] = transform
    if input_kind != "pooled":
        inp["crop"] = crop
        inp["pad"] = pad
    c["input"] = inp
    out = {"kind": output_kind}
    if output_name:
        out["name"] = output_name
    c["output"] = out
    c["sample_rate"] = int(sample_rate)
    c["resample"] = resample
    if features is not None:
        c["features"] = dict(features)
    if scaler is not None:
        c["scaler"] = {"mean": [float(v) for v in scaler[0]], "scale": [float(v) for v in scaler[1]]}
    return c


SCHEMA = os.path.join(REPO, "docs", "onnx-contract.schema.json")


def validate(contract_dict):
    """Checks a contract against docs/onnx-contract.schema.json when jsonschema is installed."""
    try:
        import jsonschema
    except ImportError:
        return False
    with open(SCHEMA) as f:
        jsonschema.validate(contract_dict, json.load(f))
    return True


def attach_contract(model_path, contract_dict, out_path=None):
    """Stores the contract as the model's metadata_props entry "ser.contract" (validated first)."""
    import onnx
    validate(contract_dict)
    m = onnx.load(model_path)
    del m.metadata_props[:]
    entry = m.metadata_props.add()
    entry.key = METADATA_KEY
    entry.value = json.dumps(contract_dict, separators=(",", ":"))
    onnx.save(m, out_path or model_path)


def fit_time_axis(x, target, crop="centre", pad="zero"):
    """ser's TimeAxisPolicy.fit on a (rows, steps) array: centre/start crop, zero/edge pad at the end."""
    rows, steps = x.shape
    if steps == target:
        return x
    if steps > target:
        start = (steps - target) // 2 if crop == "centre" else 0
        return x[:, start:start + target]
    out = np.zeros((rows, target), dtype=x.dtype)
    out[:, :steps] = x
    if pad == "edge":
        out[:, steps:] = x[:, steps - 1:steps]
    return out


def load_ref(relative):
    """A committed float32 .npy.gz copy from testdata/librosa-ref (relative to that folder)."""
    with gzip.open(os.path.join(REF, relative), "rb") as f:
        return np.load(f)


def ref_index():
    with open(os.path.join(REF, "index.json")) as f:
        return json.load(f)


def standard_scaler(x):
    """scikit-learn StandardScaler statistics (ddof 0; constant columns get scale 1)."""
    x = np.asarray(x, dtype=np.float64)
    mean = x.mean(axis=0)
    var = x.var(axis=0)
    n = x.shape[0]
    eps = np.finfo(np.float64).eps
    bound = n * eps * var + (n * mean * eps) ** 2
    scale = np.where(var <= bound, 1.0, np.sqrt(var))
    return mean, scale
