#!/usr/bin/env python3
"""Train a small PyTorch emotion model on librosa features and export it to ONNX with its
ser contract, ready for dev.ser.models.onnx.OnnxEmotionRecognizer (see docs/onnx.md).

Features are computed with librosa exactly as a ser FeatureConfig describes them (the same
property map FeatureConfig.toProperties() writes, stored in the contract), so the Java side
computes the same numbers from the same audio.

    # pooled 193-value vectors (classic recipe), MLP, from a folder laid out like RAVDESS:
    python3 scripts/onnx/train_export.py --ravdess /data/ravdess --kind pooled --out emotion_mlp.onnx
    # MFCC frame matrices, 1-D CNN with a dynamic time axis, from a CSV of path,label rows:
    python3 scripts/onnx/train_export.py --list train.csv --kind frames --feature mfcc --out emotion_cnn.onnx
    # without librosa: the committed librosa reference vectors of 30 corpus files (a demo/smoke run)
    python3 scripts/onnx/train_export.py --demo --kind pooled --out /tmp/demo.onnx

Needs numpy, torch and onnx; librosa (0.11) and soundfile for real audio.
"""
import argparse
import csv
import glob
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(__file__))
import sercontract as sc  # noqa: E402

RAVDESS = {"01": "neutral", "02": "calm", "03": "happy", "04": "sad", "05": "angry", "06": "fearful",
           "07": "disgust", "08": "surprised"}


# ------------------------------------------------------------------ features, as FeatureConfig says

def librosa_features(path, props):
    """Frame matrices {feature: (rows, frames)} and the rate, computed as ser's FeatureExtractor does."""
    import librosa
    import soundfile as sf

    y, sr = sf.read(path, dtype="float32", always_2d=True)  # what ser's decoder gives: ints / 2^(bits-1)
    y = y.mean(axis=1) if y.shape[1] > 1 else y[:, 0]
    target = int(props["target_sr"])
    if target and target != sr:
        y = librosa.resample(y, orig_sr=sr, target_sr=target, res_type="soxr_hq")
        sr = target
    stft_args = dict(n_fft=int(props["n_fft"]), hop_length=int(props["hop_length"]),
                     win_length=int(props["win_length"]), window=props["window"],
                     center=props["center"] == "true", pad_mode=props["pad_mode"])
    wanted = props["features"].split(",")
    top_db = None if props["top_db"] == "Infinity" else float(props["top_db"])
    fmax = float(props["fmax"]) or None
    stft = librosa.stft(y, **stft_args)
    mag = np.abs(stft)
    out = {}
    if "mel" in wanted or "mfcc" in wanted:
        mel = librosa.feature.melspectrogram(S=mag ** 2, sr=sr, n_mels=int(props["n_mels"]), fmin=float(props["fmin"]),
                                             fmax=fmax, htk=props["htk"] == "true",
                                             norm="slaney" if props["mel_norm"] == "slaney" else None)
        if "mfcc" in wanted:
            out["mfcc"] = librosa.feature.mfcc(S=librosa.power_to_db(mel, top_db=top_db), n_mfcc=int(props["n_mfcc"]),
                                               dct_type=int(props["dct_type"]), lifter=float(props["lifter"]))
        if "mel" in wanted:
            out["mel"] = mel
    if "chroma" in wanted:
        tuning = None if props["tuning"] == "estimate" else float(props["tuning"])
        out["chroma"] = librosa.feature.chroma_stft(S=mag, sr=sr, n_fft=stft_args["n_fft"],
                                                    n_chroma=int(props["n_chroma"]), tuning=tuning)
    if "contrast" in wanted:
        out["contrast"] = librosa.feature.spectral_contrast(S=mag, sr=sr, n_fft=stft_args["n_fft"],
                                                            fmin=float(props["contrast_fmin"]),
                                                            n_bands=int(props["contrast_n_bands"]),
                                                            quantile=float(props["contrast_quantile"]),
                                                            linear=props["contrast_linear"] == "true")
    if "tonnetz" in wanted:
        harmonic = librosa.effects.harmonic(y, kernel_size=int(props["hpss_kernel"]),
                                            margin=float(props["hpss_margin"]), **stft_args)
        out["tonnetz"] = librosa.feature.tonnetz(y=harmonic, sr=sr)
    return out, sr


def pooled_vector(frames, props):
    """Means over frames, concatenated in ser's canonical feature order."""
    return np.concatenate([frames[f].mean(axis=1) for f in sc.FEATURE_ORDER if f in frames])


# ------------------------------------------------------------------ data

def labelled_files(args):
    if args.ravdess:
        files = sorted(glob.glob(os.path.join(args.ravdess, "**", "03-01-*.*"), recursive=True))
        return [(f, RAVDESS[os.path.basename(f).split("-")[2]]) for f in files]
    with open(args.list) as f:
        return [(row[0], row[1]) for row in csv.reader(f) if row and not row[0].startswith("#")]


def demo_data(kind, feature):
    """librosa's own features from testdata/librosa-ref, for a run without librosa or audio."""
    if kind == "pooled":
        rows = sc.load_ref("out/seed_vectors_float32.npy.gz").astype(np.float64)
        labels = [p.split("/")[0] for p in sc.ref_index()["seed_files"]]  # which corpus
        return list(rows), labels
    cases = [c for c in sc.ref_index()["cases"] if c["id"].endswith("__mfcc40")]
    mats = [sc.load_ref(c["file"]).astype(np.float64) for c in cases]
    return mats, ["speech" if c["signal"].startswith("speech") else "synthetic" for c in cases]


# ------------------------------------------------------------------ models

class Mlp(torch.nn.Module):
    def __init__(self, n_in, n_out, hidden=64):
        super().__init__()
        self.net = torch.nn.Sequential(torch.nn.Linear(n_in, hidden), torch.nn.ReLU(), torch.nn.Dropout(0.2),
                                       torch.nn.Linear(hidden, n_out))

    def forward(self, x):
        return self.net(x)


class FrameCnn(torch.nn.Module):
    """[batch, coeffs, frames] -> logits; global average pooling makes any frame count valid."""

    def __init__(self, coeffs, n_out, channels=32):
        super().__init__()
        self.body = torch.nn.Sequential(torch.nn.Conv1d(coeffs, channels, 5, padding=2), torch.nn.ReLU(),
                                        torch.nn.Conv1d(channels, channels, 5, padding=2), torch.nn.ReLU())
        self.out = torch.nn.Linear(channels, n_out)

    def forward(self, x):
        return self.out(self.body(x).mean(dim=2))


def fit(model, batches, epochs, lr):
    opt = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=1e-4)
    model.train()
    for epoch in range(epochs):
        total = 0.0
        for x, y in batches():
            opt.zero_grad()
            loss = torch.nn.functional.cross_entropy(model(x), y)
            loss.backward()
            opt.step()
            total += float(loss)
        if epoch % max(1, epochs // 5) == 0 or epoch == epochs - 1:
            print(f"epoch {epoch}: loss {total:.4f}")
    model.eval()


def crop_batches(mats, ys, frames, batch_size, rng):
    """Random fixed-length crops (edge-padded when short) so frame matrices batch together."""
    def gen():
        order = rng.permutation(len(mats))
        for i in range(0, len(order), batch_size):
            xs = []
            for j in order[i:i + batch_size]:
                m = mats[j]
                start = rng.integers(0, m.shape[1] - frames + 1) if m.shape[1] > frames else 0
                xs.append(sc.fit_time_axis(m[:, start:start + frames], frames, pad="edge"))
            yield (torch.tensor(np.stack(xs).astype(np.float32)), torch.tensor(ys[order[i:i + batch_size]]))
    return gen


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--ravdess", help="a folder of RAVDESS speech files (labels from the file names)")
    src.add_argument("--list", help="a CSV of path,label rows")
    src.add_argument("--demo", action="store_true", help="use the committed librosa references instead of audio")
    ap.add_argument("--kind", choices=["pooled", "frames"], default="pooled")
    ap.add_argument("--feature", default="mfcc", help="frames: the feature whose matrix the CNN takes")
    ap.add_argument("--sr", type=int, default=0, help="resample to this rate (0 keeps each file's rate)")
    ap.add_argument("--epochs", type=int, default=200)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    torch.manual_seed(0)
    rng = np.random.default_rng(0)

    features = sc.FEATURE_ORDER if args.kind == "pooled" else (args.feature,)
    props = sc.feature_properties(features=features, target_sr=args.sr)
    if args.demo:
        xs, names = demo_data(args.kind, args.feature)
    else:
        xs, names = [], []
        for path, label in labelled_files(args):
            frames, _ = librosa_features(path, props)
            xs.append(pooled_vector(frames, props) if args.kind == "pooled" else frames[args.feature])
            names.append(label)
    labels = sorted(set(names))
    ys = np.array([labels.index(n) for n in names])
    print(f"{len(xs)} examples, labels {labels}")

    if args.kind == "pooled":
        x = np.stack(xs)
        mean, scale = sc.standard_scaler(x)  # kept outside the graph: it goes into the contract
        xt = torch.tensor(((x - mean) / scale).astype(np.float32))
        yt = torch.tensor(ys)
        model = Mlp(x.shape[1], len(labels))
        fit(model, lambda: [(xt, yt)], args.epochs, 1e-2)
        dummy, axes = torch.zeros(1, x.shape[1]), {"input": {0: "batch"}, "logits": {0: "batch"}}
        contract = sc.contract(labels, "pooled", "logits", features=props, scaler=(mean, scale), sample_rate=args.sr)
    else:
        mean, scale = sc.standard_scaler(np.concatenate([m.T for m in xs]))  # per coefficient, over all frames
        mats = [((m.T - mean) / scale).T for m in xs]
        model = FrameCnn(mats[0].shape[0], len(labels))
        fit(model, crop_batches(mats, ys, 64, 16, rng), args.epochs, 1e-3)
        dummy = torch.zeros(1, mats[0].shape[0], 64)
        axes = {"input": {0: "batch", 2: "frames"}, "logits": {0: "batch"}}
        contract = sc.contract(labels, "frames", "logits", features=props, frame_feature=args.feature,
                               scaler=(mean, scale), sample_rate=args.sr)

    torch.onnx.export(model, dummy, args.out, input_names=["input"], output_names=["logits"], dynamic_axes=axes,
                      opset_version=13)
    sc.attach_contract(args.out, contract)
    print(f"wrote {args.out} with contract metadata '{sc.METADATA_KEY}'")


if __name__ == "__main__":
    main()
