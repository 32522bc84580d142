package dev.ser.models.onnx;

import ai.onnxruntime.MapInfo;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import dev.ser.core.audio.AudioSignal;
import dev.ser.core.dsp.DecibelConfig;
import dev.ser.core.dsp.Decibels;
import dev.ser.core.dsp.Matrix;
import dev.ser.core.resample.ResampleOptions;
import dev.ser.core.resample.Resampler;
import dev.ser.features.FeatureExtractor;
import dev.ser.features.FeatureLayout;
import dev.ser.features.FeatureResult;
import dev.ser.models.Classifier;
import dev.ser.models.StandardScaler;
import java.io.IOException;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A classifier trained elsewhere (PyTorch, scikit-learn, ...) and exported to ONNX, run with ONNX
 * Runtime. It owns one ONNX Runtime session: {@link #close()} it when done.
 *
 * <p>The model's {@link ModelContract} says what goes in and what comes out. It is read from the
 * model's {@code metadata_props} entry {@value ModelContract#METADATA_KEY}, else from a side-car
 * file {@code <model file>.json}, else it must be given; a model without one is refused with a
 * {@link ContractException}. At load the graph is checked against the contract (input rank and
 * sizes, the class count of the output) and refused with a {@link ContractMismatchException} that
 * says what was expected and what the graph has. Bytes ONNX Runtime cannot load give an
 * {@link InvalidModelException}.
 *
 * <p>Inputs are features exactly as a {@link dev.ser.features.FeatureExtractor} for
 * {@link ModelContract#extractorConfig()} produces them, or audio. The contract's frame transform
 * and scaler are applied here, then the input is fitted to a fixed time axis by the contract's
 * {@link TimeAxisPolicy}; scores declared as logits are turned into probabilities by a softmax.
 *
 * <ul>
 *   <li>{@link InputKind#POOLED}: {@link #predictProba(double[])} takes the pooled vector
 *       ({@link dev.ser.features.FeatureVector#values()}).</li>
 *   <li>{@link InputKind#FRAMES}: {@link #predictFrames(Matrix)} takes the frame matrix of the
 *       contract's feature (coefficients x frames); {@link #predictProba(double[])} takes the same
 *       matrix flattened row-major.</li>
 *   <li>{@link InputKind#WAVEFORM}: {@link #predictWaveform(AudioSignal)} takes audio at any rate
 *       and resamples it to the contract's; {@link #predictProba(double[])} takes samples already
 *       at the contract's rate.</li>
 * </ul>
 *
 * <p>Thread-safe: any number of threads may predict concurrently on one instance (ONNX Runtime
 * sessions allow concurrent runs; each call has its own tensors). {@link #close()} waits for
 * running predictions; later calls throw {@link IllegalStateException}.
 */
public final class OnnxClassifier implements Classifier, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxClassifier.class);

    private final String source;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final OrtSession.SessionOptions sessionOptions;
    private final ModelContract contract;
    private final List<NodeSpec> inputs;
    private final List<NodeSpec> outputs;
    private final Map<String, String> metadata;
    private final InputBinding input;
    private final OutputBinding output;
    private final Set<String> requestedOutputs;
    private final DecibelConfig decibels;
    private final FeatureLayout pooledLayout;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    private OnnxClassifier(String source, OrtEnvironment env, OrtSession session, OrtSession.SessionOptions so,
                           ModelContract contract) throws OrtException {
        this.source = source;
        this.env = env;
        this.session = session;
        this.sessionOptions = so;
        this.contract = contract;
        this.inputs = specs(session.getInputInfo());
        this.outputs = specs(session.getOutputInfo());
        this.metadata = Collections.unmodifiableMap(session.getMetadata().getCustomMetadata());
        this.input = InputBinding.bind(inputs, contract, source);
        this.output = OutputBinding.bind(outputs, contract, source);
        this.requestedOutputs = Set.of(output.spec.name());
        this.decibels = contract.features() == null ? null : decibelConfig(contract);
        this.pooledLayout = contract.inputKind() == InputKind.POOLED
                ? FeatureExtractor.create(contract.extractorConfig()).layout() : null;
    }

    // ---- loading ----

    /** Loads a model file with default options; its contract comes from its metadata or side-car file. */
    public static OnnxClassifier load(Path model) throws IOException {
        return load(model, null, OnnxOptions.DEFAULT);
    }

    /** Loads a model file; its contract comes from its metadata or side-car file. */
    public static OnnxClassifier load(Path model, OnnxOptions options) throws IOException {
        return load(model, null, options);
    }

    /**
     * Loads a model file.
     *
     * @param model    the {@code .onnx} file
     * @param contract the contract to use, overriding the model's own; {@code null} to read it from
     *                 the metadata entry {@value ModelContract#METADATA_KEY}, else from the side-car
     *                 file {@code model + ".json"}
     * @param options  session settings
     * @throws IOException                 if the file cannot be read
     * @throws InvalidModelException       if ONNX Runtime cannot load it
     * @throws ContractException           if no contract is found or it is malformed
     * @throws ContractMismatchException   if the graph does not match the contract
     */
    public static OnnxClassifier load(Path model, ModelContract contract, OnnxOptions options) throws IOException {
        Objects.requireNonNull(model, "model");
        if (!Files.isRegularFile(model)) {
            throw new NoSuchFileException(model.toString(), null, "no such model file");
        }
        byte[] bytes = Files.readAllBytes(model);
        Path sidecar = model.resolveSibling(model.getFileName() + ModelContract.SIDECAR_SUFFIX);
        return open(bytes, model.toString(), contract, sidecar, options);
    }

    /** Loads a model from its bytes with default options; the contract must be in its metadata. */
    public static OnnxClassifier load(byte[] model) {
        return load(model, null, OnnxOptions.DEFAULT);
    }

    /**
     * Loads a model from its bytes.
     *
     * @param contract the contract, or {@code null} to read it from the model's metadata
     * @throws InvalidModelException     if ONNX Runtime cannot load the bytes
     * @throws ContractException         if no contract is found or it is malformed
     * @throws ContractMismatchException if the graph does not match the contract
     */
    public static OnnxClassifier load(byte[] model, ModelContract contract, OnnxOptions options) {
        try {
            return open(model, "model bytes (" + model.length + " bytes)", contract, null, options);
        } catch (IOException e) {
            throw new ContractException("cannot read the contract: " + e.getMessage(), e);
        }
    }

    private static OnnxClassifier open(byte[] bytes, String source, ModelContract given, Path sidecar,
                                       OnnxOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions so = null;
        OrtSession session = null;
        try {
            so = sessionOptions(options);
            try {
                session = env.createSession(bytes, so);
            } catch (OrtException e) {
                throw new InvalidModelException(source + " is not a model ONNX Runtime can load: " + e.getMessage(), e);
            }
            ModelContract contract = given != null ? given : findContract(session, source, sidecar);
            OnnxClassifier c = new OnnxClassifier(source, env, session, so, contract);
            LOG.debug("loaded {}: inputs {}, outputs {}, contract {}", source, c.inputs, c.outputs, contract.inputKind());
            return c;
        } catch (OrtException e) {
            closeQuietly(session, so);
            throw new InvalidModelException(source + ": ONNX Runtime cannot describe the model: " + e.getMessage(), e);
        } catch (RuntimeException | IOException e) {
            closeQuietly(session, so);
            throw e;
        }
    }

    private static ModelContract findContract(OrtSession session, String source, Path sidecar)
            throws OrtException, IOException {
        String json = session.getMetadata().getCustomMetadataValue(ModelContract.METADATA_KEY).orElse(null);
        if (json != null) {
            return ModelContract.fromJson(json, source + " (metadata '" + ModelContract.METADATA_KEY + "')");
        }
        if (sidecar != null && Files.isRegularFile(sidecar)) {
            return ModelContract.fromJson(Files.readString(sidecar), sidecar.toString());
        }
        throw new ContractException(source + " has no model contract: expected a metadata_props entry '"
                + ModelContract.METADATA_KEY + "'" + (sidecar == null ? "" : " or a side-car file " + sidecar)
                + " (JSON, see docs/onnx.md)");
    }

    private static OrtSession.SessionOptions sessionOptions(OnnxOptions o) throws OrtException {
        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        try {
            so.setIntraOpNumThreads(o.intraOpThreads());
            so.setInterOpNumThreads(o.interOpThreads());
            so.setOptimizationLevel(switch (o.optimization()) {
                case NONE -> OrtSession.SessionOptions.OptLevel.NO_OPT;
                case BASIC -> OrtSession.SessionOptions.OptLevel.BASIC_OPT;
                case EXTENDED -> OrtSession.SessionOptions.OptLevel.EXTENDED_OPT;
                case ALL -> OrtSession.SessionOptions.OptLevel.ALL_OPT;
            });
            so.setExecutionMode(o.parallelExecution() ? OrtSession.SessionOptions.ExecutionMode.PARALLEL
                    : OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            return so;
        } catch (OrtException e) {
            so.close();
            throw e;
        }
    }

    private static void closeQuietly(OrtSession session, OrtSession.SessionOptions so) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException e) {
                LOG.warn("closing a half-loaded session failed", e);
            }
        }
        if (so != null) {
            so.close();
        }
    }

    private static List<NodeSpec> specs(Map<String, NodeInfo> infos) {
        List<NodeSpec> out = new ArrayList<>(infos.size());
        for (NodeInfo n : infos.values()) {
            out.add(spec(n.getName(), n.getInfo()));
        }
        return List.copyOf(out);
    }

    private static NodeSpec spec(String name, ValueInfo v) {
        if (v instanceof TensorInfo t) {
            return new NodeSpec(name, NodeSpec.Kind.TENSOR, t.type.name(), t.getShape());
        }
        if (v instanceof SequenceInfo s) {
            String el = s.isSequenceOfMaps() ? mapType(s.mapInfo) : s.sequenceType.name();
            return new NodeSpec(name, NodeSpec.Kind.SEQUENCE, el, new long[0]);
        }
        if (v instanceof MapInfo m) {
            return new NodeSpec(name, NodeSpec.Kind.MAP, mapType(m), new long[0]);
        }
        return new NodeSpec(name, NodeSpec.Kind.OTHER, String.valueOf(v), new long[0]);
    }

    private static String mapType(MapInfo m) {
        return "MAP<" + m.keyType.name() + "," + m.valueType.name() + ">";
    }

    private static DecibelConfig decibelConfig(ModelContract c) {
        double top = c.features().topDb();
        return DecibelConfig.POWER_DEFAULT.toBuilder().topDb(Double.isInfinite(top) ? null : top).build();
    }

    // ---- description ----

    /** The contract in use. */
    public ModelContract contract() {
        return contract;
    }

    /** Where the model came from (its path, or a description of the bytes). */
    public String source() {
        return source;
    }

    /** Every graph input, in the graph's order. */
    public List<NodeSpec> inputs() {
        return inputs;
    }

    /** Every graph output, in the graph's order. */
    public List<NodeSpec> outputs() {
        return outputs;
    }

    /** The input that is fed. */
    public NodeSpec input() {
        return input.spec;
    }

    /** The output the class scores are read from. */
    public NodeSpec scoreOutput() {
        return output.spec;
    }

    /** The model's {@code metadata_props} (custom metadata), including the contract entry if present. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * The fixed length of the input's time axis (frames or samples), or -1 when the axis is
     * dynamic or the input has none ({@link InputKind#POOLED}).
     */
    public int fixedTimeSteps() {
        return input.fixedSteps;
    }

    @Override
    public List<String> labels() {
        return contract.labels();
    }

    /**
     * Length of the vector {@link #predictProba(double[])} takes: the pooled vector's length; for
     * frame and waveform models with a fixed time axis the flattened input's length
     * (coefficients x frames, or samples); with a dynamic time axis the values per time step
     * (coefficients, or 1), any positive multiple of which is accepted.
     */
    @Override
    public int numFeatures() {
        return input.fixedSteps > 0 ? input.valuesPerStep * input.fixedSteps : input.valuesPerStep;
    }

    // ---- prediction ----

    /**
     * Class probabilities of one example; see the class comment for what {@code x} holds for each
     * input kind.
     *
     * @throws IllegalArgumentException if {@code x} has the wrong length
     */
    @Override
    public double[] predictProba(double[] x) {
        return predictProba(new double[][] {x})[0];
    }

    /** Probabilities for each row, batched into one run when the model's batch axis is dynamic. */
    @Override
    public double[][] predictProba(double[][] xs) {
        if (xs.length == 0) {
            return new double[0][];
        }
        int steps = stepsOf(xs[0]);
        boolean uniform = true;
        for (double[] x : xs) {
            uniform &= stepsOf(x) == steps;
        }
        if (!uniform || !input.batchable) {
            double[][] out = new double[xs.length][];
            for (int i = 0; i < xs.length; i++) {
                out[i] = runPrepared(List.of(prepare(xs[i], stepsOf(xs[i]))))[0];
            }
            return out;
        }
        List<double[]> prepared = new ArrayList<>(xs.length);
        for (double[] x : xs) {
            prepared.add(prepare(x, steps));
        }
        return runPrepared(prepared);
    }

    /**
     * Class probabilities of one frame-level matrix (coefficients x frames, as
     * {@link FeatureResult#frames} gives it for the contract's feature).
     *
     * @throws ContractMismatchException if the model is not a frames model or the matrix has the
     *                                   wrong number of rows
     */
    public double[] predictFrames(Matrix frames) {
        requireKind(InputKind.FRAMES);
        if (frames.rows() != input.valuesPerStep) {
            throw new ContractMismatchException(source + ": the model takes " + input.valuesPerStep + " "
                    + contract.frameFeature().key() + " coefficients per frame, but the matrix has " + frames.rows()
                    + " rows");
        }
        return runPrepared(List.of(prepare(frames.data(), frames.cols())))[0];
    }

    /**
     * Class probabilities of audio: resampled to the contract's rate with its resampler, fitted to
     * a fixed time axis by its policy, and fed to a waveform model.
     */
    public double[] predictWaveform(AudioSignal audio) {
        requireKind(InputKind.WAVEFORM);
        double[] y = Resampler.resample(audio.samplesView(), audio.sampleRate(), contract.sampleRate(),
                ResampleOptions.builder().mode(contract.resampleMode()).build());
        return runPrepared(List.of(prepare(y, y.length)))[0];
    }

    /**
     * Class probabilities from extracted features: the pooled vector for a pooled model, the
     * contract feature's frame matrix for a frames model.
     */
    public double[] predictFeatures(FeatureResult features) {
        checkFeatures(features);
        return switch (contract.inputKind()) {
            case POOLED -> predictProba(features.pooled().values());
            case FRAMES -> predictFrames(features.frames(contract.frameFeature()));
            case WAVEFORM -> throw new ContractMismatchException(source + ": a waveform model takes audio, not features");
        };
    }

    /**
     * Refuses features that cannot be what the model was trained on: computed at another rate
     * than the contract's, a pooled vector with another layout, or without the frame feature.
     * (A result does not carry its configuration, so parameters that leave the shape alone, such
     * as {@code n_fft}, cannot be checked here: extract with {@link ModelContract#extractorConfig()}.)
     */
    private void checkFeatures(FeatureResult r) {
        int rate = contract.sampleRate();
        if (rate > 0 && r.sampleRate() != rate) {
            throw new ContractMismatchException(source + ": the features were computed at " + r.sampleRate()
                    + " Hz, but the model's contract says " + rate + " Hz");
        }
        if (contract.inputKind() == InputKind.POOLED && !r.layout().equals(pooledLayout)) {
            throw new ContractMismatchException(source + ": the model takes the pooled vector " + pooledLayout
                    + ", but the features are " + r.layout());
        }
        if (contract.inputKind() == InputKind.FRAMES && !r.allFrames().containsKey(contract.frameFeature())) {
            throw new ContractMismatchException(source + ": the model takes " + contract.frameFeature().key()
                    + " frames, but the features hold " + r.allFrames().keySet());
        }
    }

    private void requireKind(InputKind kind) {
        if (contract.inputKind() != kind) {
            throw new ContractMismatchException(source + ": this is a " + contract.inputKind().key()
                    + " model; it does not take " + kind.key() + " input");
        }
    }

    /** Time steps of a flattened example, checking its length. */
    private int stepsOf(double[] x) {
        int n = input.valuesPerStep;
        if (contract.inputKind() == InputKind.POOLED) {
            if (x.length != n) {
                throw new IllegalArgumentException(source + ": expected " + n + " features, got " + x.length);
            }
            return 1;
        }
        if (input.fixedSteps > 0 && x.length != n * input.fixedSteps) {
            throw new IllegalArgumentException(source + ": expected " + n * input.fixedSteps + " values ("
                    + n + " x " + input.fixedSteps + "), got " + x.length
                    + "; predictFrames and predictWaveform pad or crop, this method does not");
        }
        if (x.length == 0 || x.length % n != 0) {
            throw new IllegalArgumentException(source + ": expected a positive multiple of " + n + " values, got "
                    + x.length);
        }
        return x.length / n;
    }

    /** Transform, scale and fit one example; returns row-major {@code valuesPerStep x steps} values. */
    private double[] prepare(double[] x, int steps) {
        double[] v = x;
        if (contract.frameTransform() == FrameTransform.POWER_TO_DB) {
            v = Decibels.powerToDb(new Matrix(input.valuesPerStep, steps, v), decibels).data();
        }
        StandardScaler scaler = contract.scaler();
        if (scaler != null) {
            v = scale(v, steps, scaler);
        }
        if (input.fixedSteps > 0 && contract.inputKind() != InputKind.POOLED) {
            v = contract.timeAxis().fit(v, input.valuesPerStep, steps, input.fixedSteps);
        }
        return v;
    }

    /** Standardises each row (a pooled vector is one row per feature with one step). */
    private static double[] scale(double[] v, int steps, StandardScaler scaler) {
        double[] mean = scaler.mean();
        double[] sd = scaler.scale();
        double[] out = new double[v.length];
        for (int r = 0; r < mean.length; r++) {
            int o = r * steps;
            double m = mean[r];
            double s = sd[r];
            for (int c = 0; c < steps; c++) {
                out[o + c] = (v[o + c] - m) / s;
            }
        }
        return out;
    }

    /** Runs prepared examples, all of the same length, as one batch. */
    private double[][] runPrepared(List<double[]> examples) {
        int batch = examples.size();
        int len = examples.get(0).length;
        int steps = contract.inputKind() == InputKind.POOLED ? 1 : len / input.valuesPerStep;
        long[] shape = input.shape(contract.inputKind(), batch, steps);
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException(source + ": the classifier is closed");
            }
            try (OnnxTensor tensor = tensor(examples, len, shape);
                 OrtSession.Result result = session.run(Map.of(input.spec.name(), tensor), requestedOutputs)) {
                return output.read(result.get(0), batch);
            }
        } catch (OrtException e) {
            throw new InvalidModelException(source + ": ONNX Runtime failed on an input of shape "
                    + java.util.Arrays.toString(shape) + ": " + e.getMessage(), e);
        } finally {
            lock.readLock().unlock();
        }
    }

    private OnnxTensor tensor(List<double[]> examples, int len, long[] shape) throws OrtException {
        if (input.doubles) {
            DoubleBuffer b = DoubleBuffer.allocate(examples.size() * len);
            examples.forEach(b::put);
            return OnnxTensor.createTensor(env, b.flip(), shape);
        }
        float[] flat = new float[examples.size() * len];
        int o = 0;
        for (double[] x : examples) {
            for (double v : x) {
                flat[o++] = (float) v;
            }
        }
        return OnnxTensor.createTensor(env, FloatBuffer.wrap(flat), shape);
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        lock.readLock().lock();
        try {
            return closed;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Releases the ONNX Runtime session, after waiting for running predictions. Idempotent. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeQuietly(session, sessionOptions);
            LOG.debug("closed {}", source);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "OnnxClassifier[" + source + ", " + contract.inputKind().key() + " " + input.spec + " -> "
                + output.spec + ", labels " + contract.labels() + "]";
    }
}
