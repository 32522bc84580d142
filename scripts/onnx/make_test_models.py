#!/usr/bin/env python3
"""Generates the tiny ONNX models under ser-models/src/test/resources/onnx/ and the outputs
the Java tests must reproduce (expected.json).

Run with Debian's Python, which has PyTorch and ONNX (`apt-get install python3-torch python3-onnx`):

    /usr/bin/python3 scripts/onnx/make_test_models.py

librosa is not needed: every model input is computed from librosa's own outputs committed in
testdata/librosa-ref (the `seed_vectors_float32` rows are the classic 193-value vectors of the
bundled RAVDESS clips; the `*__mfcc40` cases are librosa MFCC matrices; the
`*__resample_8000_polyphase` case is librosa's resampled signal). The Java tests compute their own
features from the same audio and must give the same labels and probabilities within 1e-4.

Deterministic: fixed seeds, CPU, one thread.
"""
import json
import os
import sys

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper

sys.path.insert(0, os.path.dirname(__file__))
import sercontract as sc  # noqa: E402

OUT = os.path.join(sc.REPO, "ser-models", "src", "test", "resources", "onnx")
OPSET = 13
torch.set_num_threads(1)

RAVDESS = {"01": "neutral", "02": "calm", "03": "happy", "04": "sad", "05": "angry", "06": "fearful",
           "07": "disgust", "08": "surprised"}
TESS = {"angry": "angry", "disgust": "disgust", "fear": "fearful", "happy": "happy", "neutral": "neutral",
        "ps": "surprised", "sad": "sad"}
EMODB = {"W": "angry", "L": "bored", "E": "disgust", "A": "fearful", "F": "happy", "T": "sad", "N": "neutral"}
EMOTIONS = ["neutral", "calm", "happy", "sad", "angry", "fearful", "disgust", "surprised", "bored"]


def emotion_of(path):
    name = os.path.basename(path).rsplit(".", 1)[0]
    if path.startswith("ravdess/"):
        return RAVDESS[name.split("-")[2]]
    if path.startswith("tess/"):
        return TESS[name.split("_")[-1]]
    return EMODB[name[5]]


def export(model, dummy, path, input_name, output_name, dynamic_axes):
    model.eval()
    torch.onnx.export(model, dummy, path, input_names=[input_name], output_names=[output_name],
                      dynamic_axes=dynamic_axes, opset_version=OPSET, do_constant_folding=True)


def softmax(z):
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def margin(p):
    s = np.sort(p)
    return float(s[-1] - s[-2])


# ---------------------------------------------------------------- pooled MLP (torch)

class Mlp(torch.nn.Module):
    def __init__(self, n_in, n_hidden, n_out):
        super().__init__()
        self.net = torch.nn.Sequential(torch.nn.Linear(n_in, n_hidden), torch.nn.Tanh(),
                                       torch.nn.Linear(n_hidden, n_out))

    def forward(self, x):
        return self.net(x)


def train(model, x, y, epochs=300, lr=0.01, weight_decay=1e-3):
    opt = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=weight_decay)
    xt = torch.tensor(x, dtype=torch.float32)
    yt = torch.tensor(y, dtype=torch.long)
    for _ in range(epochs):
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(xt), yt)
        loss.backward()
        opt.step()
    return float(loss)


def pooled_models(expected):
    seeds = sc.ref_index()["seed_files"]
    rows = sc.load_ref("out/seed_vectors_float32.npy.gz").astype(np.float64)  # (30, 193)
    y = np.array([EMOTIONS.index(emotion_of(p)) for p in seeds])
    mean, scale = sc.standard_scaler(rows)
    xs = ((rows - mean) / scale).astype(np.float32)
    torch.manual_seed(7)
    mlp = Mlp(193, 16, len(EMOTIONS))
    loss = train(mlp, xs, y)
    path = os.path.join(OUT, "pooled_mlp.onnx")
    export(mlp, torch.zeros(1, 193), path, "features", "logits", {"features": {0: "batch"}, "logits": {0: "batch"}})
    contract = sc.contract(EMOTIONS, "pooled", "logits", features=sc.feature_properties(), scaler=(mean, scale))
    sc.attach_contract(path, contract)

    with torch.no_grad():
        probs = softmax(mlp(torch.tensor(xs)).numpy())
    cases = {}
    for i, p in enumerate(seeds):
        if p.startswith("ravdess/"):
            cases[os.path.basename(p)] = {"label": EMOTIONS[int(np.argmax(probs[i]))],
                                          "probabilities": probs[i].tolist(), "margin": margin(probs[i])}
    expected["pooled_mlp"] = {"train_loss": loss, "cases": cases}

    # The same graph without metadata: refused, or read with its side-car contract.
    bare = onnx.load(path)
    del bare.metadata_props[:]
    onnx.save(bare, os.path.join(OUT, "no_contract.onnx"))
    onnx.save(bare, os.path.join(OUT, "sidecar.onnx"))
    with open(os.path.join(OUT, "sidecar.onnx.json"), "w") as f:
        json.dump(contract, f, indent=1)
        f.write("\n")

    # Mismatches: 190 inputs against a 193-value contract; 5 classes against 9 labels.
    torch.manual_seed(8)
    path = os.path.join(OUT, "bad_feature_count.onnx")
    export(Mlp(190, 4, len(EMOTIONS)), torch.zeros(1, 190), path, "features", "logits",
           {"features": {0: "batch"}, "logits": {0: "batch"}})
    sc.attach_contract(path, contract)
    path = os.path.join(OUT, "bad_output_classes.onnx")
    export(Mlp(193, 4, 5), torch.zeros(1, 193), path, "features", "logits",
           {"features": {0: "batch"}, "logits": {0: "batch"}})
    sc.attach_contract(path, contract)
    # A contract that is not JSON.
    bad = onnx.load(os.path.join(OUT, "no_contract.onnx"))
    e = bad.metadata_props.add()
    e.key = sc.METADATA_KEY
    e.value = '{"ser_contract_version": 1, "labels": ["a", '
    onnx.save(bad, os.path.join(OUT, "bad_contract_json.onnx"))


# ------------------------------------------- scikit-learn style (label + probabilities), by hand

def skl_models(expected):
    """A standard scaler + multinomial logistic regression on the 40 MFCC means, built node by
    node the way skl2onnx lays such a pipeline out: scaling inside the graph, outputs `label` and
    `probabilities` (tensor) or `output_label` and `output_probability` (ZipMap: a sequence of
    {label: probability} maps)."""
    seeds = sc.ref_index()["seed_files"]
    rows = sc.load_ref("out/seed_vectors_float32.npy.gz").astype(np.float64)[:, :40]
    y = np.array([EMOTIONS.index(emotion_of(p)) for p in seeds])
    mean, scale = sc.standard_scaler(rows)
    xs = (rows - mean) / scale
    rng = np.random.default_rng(3)
    w = rng.normal(0, 0.01, (40, len(EMOTIONS)))
    b = np.zeros(len(EMOTIONS))
    onehot = np.eye(len(EMOTIONS))[y]
    for _ in range(500):  # plain gradient descent on the softmax cross-entropy, L2 1e-2
        p = softmax(xs @ w + b)
        w -= 0.5 * (xs.T @ (p - onehot) / len(y) + 1e-2 * w)
        b -= 0.5 * (p - onehot).mean(axis=0)
    f32 = lambda a: np.asarray(a, dtype=np.float32)  # noqa: E731
    inits = [helper.make_tensor("mean", TensorProto.FLOAT, [40], f32(mean).ravel()),
             helper.make_tensor("scale", TensorProto.FLOAT, [40], f32(scale).ravel()),
             helper.make_tensor("coef", TensorProto.FLOAT, [40, len(EMOTIONS)], f32(w).ravel()),
             helper.make_tensor("intercept", TensorProto.FLOAT, [len(EMOTIONS)], f32(b).ravel())]
    core = [helper.make_node("Sub", ["float_input", "mean"], ["centred"]),
            helper.make_node("Div", ["centred", "scale"], ["scaled"]),
            helper.make_node("MatMul", ["scaled", "coef"], ["mm"]),
            helper.make_node("Add", ["mm", "intercept"], ["scores"]),
            helper.make_node("Softmax", ["scores"], ["probabilities"], axis=1),
            helper.make_node("ArgMax", ["probabilities"], ["label"], axis=1, keepdims=0)]
    x_in = helper.make_tensor_value_info("float_input", TensorProto.FLOAT, ["N", 40])
    opsets = [helper.make_opsetid("", OPSET), helper.make_opsetid("ai.onnx.ml", 1)]
    props = sc.feature_properties(features=("mfcc",))
    contract = sc.contract(EMOTIONS, "pooled", "probabilities", features=props)

    # Tensor outputs: label (int64 [N]) and probabilities (float [N, classes]).
    graph = helper.make_graph(core, "skl_logreg_tensor", [x_in],
                              [helper.make_tensor_value_info("label", TensorProto.INT64, ["N"]),
                               helper.make_tensor_value_info("probabilities", TensorProto.FLOAT,
                                                             ["N", len(EMOTIONS)])], inits)
    save_hand_built(graph, opsets, "skl_tensor.onnx", contract)

    # ZipMap outputs: output_label (string [N]) and output_probability (sequence of maps).
    zip_nodes = core + [
        helper.make_node("LabelEncoder", ["label"], ["output_label"], domain="ai.onnx.ml",
                         classes_strings=EMOTIONS, default_string="?"),
        helper.make_node("ZipMap", ["probabilities"], ["output_probability"], domain="ai.onnx.ml",
                         classlabels_strings=EMOTIONS)]
    seq_map = onnx.TypeProto()  # sequence<map<string, float>>, built by hand for older onnx releases
    seq_map.sequence_type.elem_type.map_type.key_type = TensorProto.STRING
    seq_map.sequence_type.elem_type.map_type.value_type.CopyFrom(helper.make_tensor_type_proto(TensorProto.FLOAT, []))
    graph = helper.make_graph(zip_nodes, "skl_logreg_zipmap", [x_in],
                              [helper.make_tensor_value_info("output_label", TensorProto.STRING, ["N"]),
                               helper.make_value_info("output_probability", seq_map)], inits)
    save_hand_built(graph, opsets, "skl_zipmap.onnx", contract)

    x32 = ((rows.astype(np.float32) - f32(mean)) / f32(scale)).astype(np.float64)
    probs = softmax(x32 @ w.astype(np.float32).astype(np.float64) + b.astype(np.float32))
    cases = {}
    for i, p in enumerate(seeds):
        if p.startswith("ravdess/"):
            cases[os.path.basename(p)] = {"label": EMOTIONS[int(np.argmax(probs[i]))],
                                          "probabilities": probs[i].tolist(), "margin": margin(probs[i])}
    expected["skl"] = {"cases": cases}


def save_hand_built(graph, opsets, name, contract):
    model = helper.make_model(graph, opset_imports=opsets, producer_name="ser make_test_models.py")
    model.ir_version = 8
    onnx.checker.check_model(model)
    path = os.path.join(OUT, name)
    onnx.save(model, path)
    sc.attach_contract(path, contract)


# ---------------------------------------------------------------- frame-level CNNs over MFCC

FRAME_LABELS = ["neutral", "happy", "sad", "angry"]


class Cnn1d(torch.nn.Module):
    """[batch, 40, frames] -> logits; any number of frames (padding keeps even 1 frame valid)."""

    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv1d(40, 8, kernel_size=3, padding=1)
        self.out = torch.nn.Linear(8, len(FRAME_LABELS))

    def forward(self, x):
        return self.out(torch.relu(self.conv(x)).mean(dim=2))


class Cnn2d(torch.nn.Module):
    """[batch, 1, 40, 64] -> logits."""

    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(1, 4, kernel_size=3, padding=1)
        self.out = torch.nn.Linear(4, len(FRAME_LABELS))

    def forward(self, x):
        return self.out(torch.relu(self.conv(x)).mean(dim=(2, 3)))


FIXED_FRAMES = 64


def fit_frames(model, inputs, targets, epochs=40, lr=0.02):
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    xs = [torch.tensor(x.astype(np.float32)) for x in inputs]
    for _ in range(epochs):
        opt.zero_grad()
        loss = sum(torch.nn.functional.cross_entropy(model(x), torch.tensor([t])) for x, t in zip(xs, targets))
        loss.backward()
        opt.step()
    model.eval()


def frame_models(expected):
    cases = [c for c in sc.ref_index()["cases"] if c["id"].endswith("__mfcc40")]
    mats = {c["signal"]: sc.load_ref(c["file"]).astype(np.float64) for c in cases}
    allframes = np.concatenate([m.T for m in mats.values()], axis=0)  # frames x 40
    mean, scale = sc.standard_scaler(allframes)
    scaled = {k: ((m.T - mean) / scale).T for k, m in mats.items()}
    props = sc.feature_properties(features=("mfcc",))

    # Fit each CNN briefly to arbitrary labels (signal i -> class i % 4) so that its answers differ
    # between signals and have clear, unsaturated winners.
    names = list(scaled)
    targets = [i % len(FRAME_LABELS) for i in range(len(names))]
    torch.manual_seed(11)
    cnn = Cnn1d()
    fit_frames(cnn, [scaled[k][None] for k in names], targets, epochs=6)
    path = os.path.join(OUT, "frames_cnn.onnx")
    export(cnn, torch.zeros(1, 40, 10), path, "mfcc", "logits",
           {"mfcc": {0: "batch", 2: "frames"}, "logits": {0: "batch"}})
    sc.attach_contract(path, sc.contract(FRAME_LABELS, "frames", "logits", features=props, frame_feature="mfcc",
                                         scaler=(mean, scale)))
    # The same graph claimed to be a pooled model: wrong input rank.
    sc.attach_contract(path, sc.contract(EMOTIONS, "pooled", "logits", features=sc.feature_properties()),
                       out_path=os.path.join(OUT, "bad_rank.onnx"))
    res = {}
    with torch.no_grad():
        for k, m in scaled.items():
            p = softmax(cnn(torch.tensor(m[None].astype(np.float32))).numpy()[0])
            res[k] = {"label": FRAME_LABELS[int(np.argmax(p))], "probabilities": p.tolist(), "margin": margin(p),
                      "frames": int(m.shape[1])}
    expected["frames_cnn"] = {"cases": res}

    torch.manual_seed(12)
    cnn2 = Cnn2d()
    fit_frames(cnn2, [sc.fit_time_axis(scaled[k], FIXED_FRAMES, crop="centre", pad="edge")[None, None]
                      for k in names], targets)
    path = os.path.join(OUT, "frames_cnn_fixed.onnx")
    export(cnn2, torch.zeros(1, 1, 40, FIXED_FRAMES), path, "mfcc", "logits",
           {"mfcc": {0: "batch"}, "logits": {0: "batch"}})
    sc.attach_contract(path, sc.contract(FRAME_LABELS, "frames", "logits", features=props, frame_feature="mfcc",
                                         scaler=(mean, scale), crop="centre", pad="edge"))
    res = {}
    with torch.no_grad():
        for k, m in scaled.items():
            fitted = sc.fit_time_axis(m, FIXED_FRAMES, crop="centre", pad="edge")
            p = softmax(cnn2(torch.tensor(fitted[None, None].astype(np.float32))).numpy()[0])
            res[k] = {"label": FRAME_LABELS[int(np.argmax(p))], "probabilities": p.tolist(), "margin": margin(p),
                      "frames": int(m.shape[1])}
    expected["frames_cnn_fixed"] = {"frames": FIXED_FRAMES, "cases": res}


class LogMelCnn(torch.nn.Module):
    """[batch, 1, 128, frames] log-mel (dB) -> logits, any number of frames; scaling inside the graph."""

    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(1, 4, kernel_size=3, padding=1)
        self.out = torch.nn.Linear(4, len(FRAME_LABELS))

    def forward(self, x):
        return self.out(torch.relu(self.conv((x + 40.0) / 40.0)).mean(dim=(2, 3)))


def power_to_db(s, top_db=80.0):
    """librosa.power_to_db(S, ref=1.0, amin=1e-10, top_db=80)."""
    db = 10.0 * np.log10(np.maximum(1e-10, s))
    return np.maximum(db, db.max() - top_db)


def logmel_model(expected):
    cases = [c for c in sc.ref_index()["cases"] if c["id"].endswith("__melspectrogram")]
    logmel = {c["signal"]: power_to_db(sc.load_ref(c["file"]).astype(np.float64)) for c in cases}
    names = list(logmel)
    torch.manual_seed(13)
    cnn = LogMelCnn()
    fit_frames(cnn, [logmel[k][None, None] for k in names], [i % len(FRAME_LABELS) for i in range(len(names))],
               epochs=15)
    path = os.path.join(OUT, "frames_logmel_cnn.onnx")
    export(cnn, torch.zeros(1, 1, 128, 10), path, "logmel", "logits",
           {"logmel": {0: "batch", 3: "frames"}, "logits": {0: "batch"}})
    sc.attach_contract(path, sc.contract(FRAME_LABELS, "frames", "logits",
                                         features=sc.feature_properties(features=("mel",)), frame_feature="mel",
                                         transform="power_to_db"))
    res = {}
    with torch.no_grad():
        for k, m in logmel.items():
            p = softmax(cnn(torch.tensor(m[None, None].astype(np.float32))).numpy()[0])
            res[k] = {"label": FRAME_LABELS[int(np.argmax(p))], "probabilities": p.tolist(), "margin": margin(p),
                      "frames": int(m.shape[1])}
    expected["frames_logmel_cnn"] = {"cases": res}


# ---------------------------------------------------------------- raw-waveform conv net

WAVE_LABELS = ["calm", "angry", "sad"]
WAVE_RATE = 8000
WAVE_FIXED = 40000


class WaveNet(torch.nn.Module):
    """[batch, samples] at 8 kHz -> probabilities (softmax inside the graph)."""

    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv1d(1, 4, kernel_size=64, stride=32)
        self.out = torch.nn.Linear(4, len(WAVE_LABELS))

    def forward(self, x):
        h = torch.relu(self.conv(x.unsqueeze(1))).mean(dim=2)
        return torch.softmax(self.out(h) * 4.0, dim=1)


def waveform_models(expected):
    y = sc.load_ref("out/speech_ravdess_16000__resample_8000_polyphase.npy.gz").astype(np.float32)
    torch.manual_seed(21)
    net = WaveNet()
    path = os.path.join(OUT, "waveform_conv.onnx")
    export(net, torch.zeros(1, 4000), path, "waveform", "probabilities",
           {"waveform": {0: "batch", 1: "samples"}, "probabilities": {0: "batch"}})
    sc.attach_contract(path, sc.contract(WAVE_LABELS, "waveform", "probabilities", sample_rate=WAVE_RATE,
                                         resample="polyphase"))
    path_fixed = os.path.join(OUT, "waveform_fixed.onnx")
    export(net, torch.zeros(1, WAVE_FIXED), path_fixed, "waveform", "probabilities", None)
    sc.attach_contract(path_fixed, sc.contract(WAVE_LABELS, "waveform", "probabilities", sample_rate=WAVE_RATE,
                                               resample="polyphase", crop="start", pad="zero"))
    with torch.no_grad():
        p = net(torch.tensor(y[None])).numpy()[0].astype(np.float64)
        fitted = sc.fit_time_axis(y[None], WAVE_FIXED, crop="start", pad="zero")
        pf = net(torch.tensor(fitted)).numpy()[0].astype(np.float64)
    expected["waveform_conv"] = {"cases": {"speech_ravdess_16000": {
        "label": WAVE_LABELS[int(np.argmax(p))], "probabilities": p.tolist(), "margin": margin(p),
        "samples": int(y.shape[0])}}}
    expected["waveform_fixed"] = {"samples": WAVE_FIXED, "cases": {"speech_ravdess_16000": {
        "label": WAVE_LABELS[int(np.argmax(pf))], "probabilities": pf.tolist(), "margin": margin(pf)}}}


class BenchCnn(torch.nn.Module):
    """A log-mel CNN of a more realistic size for the latency benchmark: three 3x3 conv blocks
    (16, 32, 64 channels, 2x2 max-pooling), global average pooling, linear; about 24k weights."""

    def __init__(self):
        super().__init__()
        layers, c_in = [], 1
        for c_out in (16, 32, 64):
            layers += [torch.nn.Conv2d(c_in, c_out, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2)]
            c_in = c_out
        self.body = torch.nn.Sequential(*layers)
        self.out = torch.nn.Linear(64, 8)

    def forward(self, x):
        return self.out(self.body((x + 40.0) / 40.0).mean(dim=(2, 3)))


def bench_model():
    out = os.path.join(sc.REPO, "ser-benchmarks", "target", "onnx")
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(31)
    path = os.path.join(out, "bench_logmel_cnn.onnx")
    export(BenchCnn(), torch.zeros(1, 1, 128, 94), path, "logmel", "logits",
           {"logmel": {0: "batch", 3: "frames"}, "logits": {0: "batch"}})
    sc.attach_contract(path, sc.contract(EMOTIONS[:8], "frames", "logits",
                                         features=sc.feature_properties(features=("mel",)), frame_feature="mel",
                                         transform="power_to_db"))
    print(f"wrote {path}")


def main():
    if "--bench" in sys.argv:
        bench_model()
        return
    os.makedirs(OUT, exist_ok=True)
    expected = {"generator": "scripts/onnx/make_test_models.py", "torch": torch.__version__,
                "onnx": onnx.__version__}
    pooled_models(expected)
    skl_models(expected)
    frame_models(expected)
    logmel_model(expected)
    waveform_models(expected)
    rng = np.random.default_rng(5)
    with open(os.path.join(OUT, "garbage.onnx"), "wb") as f:
        f.write(rng.integers(0, 256, 300, dtype=np.uint8).tobytes())
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    total = sum(os.path.getsize(os.path.join(OUT, n)) for n in os.listdir(OUT))
    print(f"wrote {len(os.listdir(OUT))} files, {total} bytes, to {OUT}")
    for name in ("pooled_mlp", "skl", "frames_cnn", "frames_cnn_fixed", "frames_logmel_cnn", "waveform_conv",
                 "waveform_fixed"):
        ms = [c["margin"] for c in expected[name]["cases"].values()]
        print(f"{name}: smallest top-2 probability margin {min(ms):.4g}")


if __name__ == "__main__":
    main()
