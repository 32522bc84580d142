package dev.ser.models.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.models.Classifier;
import dev.ser.models.Provenance;
import dev.ser.models.ScaledModel;
import dev.ser.models.StandardScaler;
import dev.ser.models.io.ModelFileException.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@link ScaledModel}s in the ser model file format (see
 * {@code docs/model-format.md}): magic bytes, container version, total length, a JSON header,
 * named little-endian float64 arrays and a trailing SHA-256 over everything before it.
 *
 * <p>Reading verifies magic, version, length and checksum before interpreting anything, and never
 * allocates from a size it has not checked against the bytes actually present. No Java
 * serialization is involved.
 */
public final class ModelFiles {

    /** The eight magic bytes: {@code 0x89 'S' 'E' 'R' 'M' 'O' 'D' '\n'}. */
    static final byte[] MAGIC = {(byte) 0x89, 'S', 'E', 'R', 'M', 'O', 'D', '\n'};
    /** Container format version written and the highest one read. */
    public static final int FORMAT_VERSION = 1;
    /** Largest file read: the whole file is held in one array. */
    public static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 64;
    static final int PREAMBLE = 8 + 4 + 8 + 4;
    static final int CHECKSUM_BYTES = 32;
    static final int MAX_ARRAYS = 65536;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ModelFiles() {
    }

    /** Writes {@code model} to {@code file} atomically (via a temporary file in the same directory). */
    public static void save(ScaledModel<?> model, Path file) throws IOException {
        byte[] bytes = toBytes(model);
        Path abs = file.toAbsolutePath();
        Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a model of any registered type. */
    public static ScaledModel<?> load(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new ModelFileException(file.toString(), Problem.TOO_LARGE, size + " bytes");
        }
        return fromBytes(Files.readAllBytes(file), file.toString());
    }

    /**
     * Reads a model that must wrap a {@code type} classifier.
     *
     * @throws ModelFileException with {@link Problem#WRONG_MODEL_TYPE} when it holds another type
     */
    public static <M extends Classifier> ScaledModel<M> load(Path file, Class<M> type) throws IOException {
        return checkType(load(file), type, file.toString());
    }

    /** Reads the JSON header only (after full verification), e.g. to inspect provenance. */
    public static ObjectNode readHeader(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new ModelFileException(file.toString(), Problem.TOO_LARGE, size + " bytes");
        }
        return new Reader(Files.readAllBytes(file), file.toString()).verifiedHeader();
    }

    @SuppressWarnings("unchecked")
    static <M extends Classifier> ScaledModel<M> checkType(ScaledModel<?> m, Class<M> type, String source)
            throws ModelFileException {
        if (!type.isInstance(m.model())) {
            throw new ModelFileException(source, Problem.WRONG_MODEL_TYPE, "holds a "
                    + m.model().getClass().getSimpleName() + ", expected " + type.getSimpleName());
        }
        return (ScaledModel<M>) m;
    }

    /** The file content for {@code model}. */
    public static byte[] toBytes(ScaledModel<?> model) {
        return encode(model, ModelCodecs.forModel(model.model()));
    }

    private static <M extends Classifier> byte[] encode(ScaledModel<?> pipeline, ModelCodec<M> codec) {
        @SuppressWarnings("unchecked")
        M inner = (M) pipeline.model();
        List<NamedArray> arrays = new ArrayList<>();
        ObjectNode header = JSON.createObjectNode();
        header.put("format", "ser-model");
        header.put("formatVersion", FORMAT_VERSION);
        header.put("modelType", codec.modelType());
        header.put("modelTypeVersion", codec.version());
        ArrayNode labels = header.putArray("labels");
        pipeline.labels().forEach(labels::add);
        header.put("numFeatures", pipeline.numFeatures());
        ArrayNode names = header.putArray("featureNames");
        pipeline.featureNames().forEach(names::add);
        header.set("featureConfig", pipeline.featureConfig());
        StandardScaler scaler = pipeline.scaler();
        if (scaler != null) {
            ObjectNode s = header.putObject("scaler");
            s.put("type", "standard");
            s.put("mean", "scaler.mean");
            s.put("scale", "scaler.scale");
            arrays.add(NamedArray.vector("scaler.mean", scaler.mean()));
            arrays.add(NamedArray.vector("scaler.scale", scaler.scale()));
        } else {
            header.putNull("scaler");
        }
        header.set("model", codec.describe(inner));
        header.set("provenance", provenanceJson(pipeline.provenance()));
        List<NamedArray> modelArrays = codec.arrays(inner);
        arrays.addAll(modelArrays);
        ArrayNode index = header.putArray("arrays");
        for (NamedArray a : arrays) {
            ObjectNode e = index.addObject();
            e.put("name", a.name());
            ArrayNode shape = e.putArray("shape");
            for (int s : a.shape()) {
                shape.add(s);
            }
        }
        byte[] headerBytes;
        try {
            headerBytes = JSON.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode model header", e);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeArrays(body, arrays);
        long total = (long) PREAMBLE + headerBytes.length + body.size() + CHECKSUM_BYTES;
        if (total > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("model too large for one file: " + total + " bytes");
        }
        ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putInt(FORMAT_VERSION).putLong(total).putInt(headerBytes.length).put(headerBytes);
        out.put(body.toByteArray());
        out.put(sha256(out.array(), out.position()));
        return out.array();
    }

    private static void writeArrays(ByteArrayOutputStream body, List<NamedArray> arrays) {
        ByteBuffer count = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(arrays.size());
        body.writeBytes(count.array());
        for (NamedArray a : arrays) {
            byte[] name = a.name().getBytes(StandardCharsets.UTF_8);
            if (name.length > 255) {
                throw new IllegalArgumentException("array name longer than 255 bytes: " + a.name());
            }
            int[] shape = a.shape();
            double[] data = a.data();
            ByteBuffer b = ByteBuffer.allocate(1 + name.length + 1 + 4 * shape.length + 8 * data.length)
                    .order(ByteOrder.LITTLE_ENDIAN);
            b.put((byte) name.length).put(name).put((byte) shape.length);
            for (int s : shape) {
                b.putInt(s);
            }
            for (double v : data) {
                b.putDouble(v);
            }
            body.writeBytes(b.array());
        }
    }

    private static ObjectNode provenanceJson(Provenance p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("createdAt", p.createdAt().toString());
        o.put("libraryVersion", p.libraryVersion());
        o.put("trainer", p.trainer());
        o.set("hyperParameters", p.hyperParameters());
        o.put("trainingRows", p.trainingRows());
        o.put("trainingSha256", p.trainingSha256());
        ObjectNode m = o.putObject("metrics");
        p.metrics().forEach(m::put);
        o.put("javaVersion", System.getProperty("java.version"));
        return o;
    }

    /** Parses file content; {@code source} names it in error messages. */
    public static ScaledModel<?> fromBytes(byte[] bytes, String source) throws ModelFileException {
        return new Reader(bytes, source).read();
    }

    static byte[] sha256(byte[] data, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(data, 0, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** One verification and parse of a byte image. */
    private static final class Reader {
        private final byte[] bytes;
        private final String source;
        private final ByteBuffer buf;

        Reader(byte[] bytes, String source) {
            this.bytes = bytes;
            this.source = source;
            this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        }

        private ModelFileException fail(Problem p, String detail) {
            return new ModelFileException(source, p, detail);
        }

        ObjectNode verifiedHeader() throws ModelFileException {
            checkMagic();
            if (bytes.length < PREAMBLE) {
                throw fail(Problem.TRUNCATED, "only " + bytes.length + " bytes, the preamble alone has " + PREAMBLE);
            }
            int version = buf.getInt(8);
            if (version > FORMAT_VERSION || version < 1) {
                throw fail(version < 1 ? Problem.MALFORMED : Problem.UNSUPPORTED_VERSION, "format version " + version
                        + "; this library reads versions 1.." + FORMAT_VERSION);
            }
            long declared = buf.getLong(12);
            if (bytes.length < declared) {
                throw fail(Problem.TRUNCATED, "has " + bytes.length + " bytes, its header records " + declared);
            }
            if (bytes.length > declared) {
                throw fail(Problem.CORRUPTED, "has " + bytes.length + " bytes, its header records only " + declared);
            }
            if (declared < PREAMBLE + 4 + CHECKSUM_BYTES) {
                throw fail(Problem.CORRUPTED, "recorded length " + declared + " is too small");
            }
            int end = bytes.length - CHECKSUM_BYTES;
            byte[] expected = Arrays.copyOfRange(bytes, end, bytes.length);
            if (!MessageDigest.isEqual(expected, sha256(bytes, end))) {
                throw fail(Problem.CORRUPTED, "SHA-256 checksum mismatch: the content was altered or damaged");
            }
            int headerLength = buf.getInt(20);
            if (headerLength < 2 || headerLength > end - PREAMBLE - 4) {
                throw fail(Problem.MALFORMED, "header length " + headerLength + " outside the file");
            }
            JsonNode header;
            try {
                header = JSON.readTree(new String(bytes, PREAMBLE, headerLength, StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                throw new ModelFileException(source, Problem.MALFORMED, "header is not valid JSON: "
                        + e.getOriginalMessage(), e);
            }
            if (header == null || !header.isObject()) {
                throw fail(Problem.MALFORMED, "header is not a JSON object");
            }
            if (!"ser-model".equals(header.path("format").asText()) || header.path("formatVersion").asInt() != version) {
                throw fail(Problem.MALFORMED, "header format/formatVersion do not match the preamble");
            }
            return (ObjectNode) header;
        }

        private void checkMagic() throws ModelFileException {
            int n = Math.min(bytes.length, MAGIC.length);
            if (!Arrays.equals(bytes, 0, n, MAGIC, 0, n)) {
                throw fail(Problem.NOT_A_MODEL_FILE, "does not start with the ser model magic bytes");
            }
            if (n < MAGIC.length) {
                throw fail(Problem.TRUNCATED, "only " + bytes.length + " bytes");
            }
        }

        ScaledModel<?> read() throws ModelFileException {
            ObjectNode header = verifiedHeader();
            String type = header.path("modelType").asText("");
            ModelCodec<?> codec = ModelCodecs.forType(type).orElseThrow(() -> fail(Problem.UNKNOWN_MODEL_TYPE,
                    "no reader for model type '" + type + "'"));
            int typeVersion = header.path("modelTypeVersion").asInt(-1);
            if (typeVersion > codec.version()) {
                throw fail(Problem.UNSUPPORTED_VERSION, "model type " + type + " version " + typeVersion
                        + "; this library reads up to " + codec.version());
            }
            try {
                StoredArrays arrays = readArrays(PREAMBLE + buf.getInt(20), bytes.length - CHECKSUM_BYTES);
                return assemble(header, codec, arrays, typeVersion);
            } catch (IllegalArgumentException | NullPointerException | ClassCastException
                     | DateTimeParseException e) {
                throw new ModelFileException(source, Problem.MALFORMED, e.getMessage(), e);
            }
        }

        private StoredArrays readArrays(int pos, int end) throws ModelFileException {
            buf.position(pos);
            int count = needInt(end, "array count");
            if (count < 0 || count > MAX_ARRAYS) {
                throw fail(Problem.MALFORMED, "array count " + count);
            }
            StoredArrays out = new StoredArrays();
            for (int a = 0; a < count; a++) {
                need(end, 1, "array name length");
                int nameLen = buf.get() & 0xFF;
                need(end, nameLen + 1, "array name");
                byte[] name = new byte[nameLen];
                buf.get(name);
                String n = new String(name, StandardCharsets.UTF_8);
                int rank = buf.get() & 0xFF;
                if (rank < 1 || rank > NamedArray.MAX_RANK) {
                    throw fail(Problem.MALFORMED, "array " + n + " has rank " + rank);
                }
                int[] shape = new int[rank];
                long elements = 1;
                for (int r = 0; r < rank; r++) {
                    shape[r] = needInt(end, "array " + n + " shape");
                    if (shape[r] < 0) {
                        throw fail(Problem.MALFORMED, "array " + n + " has negative dimension " + shape[r]);
                    }
                    elements *= shape[r];
                    if (elements > (end - buf.position()) / 8 + 1) {
                        throw fail(Problem.MALFORMED, "array " + n + " claims more values than the file holds");
                    }
                }
                need(end, elements * 8, "array " + n + " data");
                double[] data = new double[(int) elements];
                buf.asDoubleBuffer().get(data);
                buf.position(buf.position() + 8 * data.length);
                out.add(new NamedArray(n, shape, data));
            }
            if (buf.position() != end) {
                throw fail(Problem.MALFORMED, (end - buf.position()) + " unexplained bytes after the arrays");
            }
            return out;
        }

        private void need(int end, long n, String what) throws ModelFileException {
            if (n < 0 || n > end - buf.position()) {
                throw fail(Problem.MALFORMED, what + " runs past the end of the data section");
            }
        }

        private int needInt(int end, String what) throws ModelFileException {
            need(end, 4, what);
            return buf.getInt();
        }

        private <M extends Classifier> ScaledModel<M> assemble(ObjectNode h, ModelCodec<M> codec,
                                                              StoredArrays arrays, int typeVersion) {
            List<String> labels = strings(h.get("labels"), "labels");
            int numFeatures = h.path("numFeatures").asInt(-1);
            if (numFeatures < 1) {
                throw new IllegalArgumentException("numFeatures missing or not positive");
            }
            List<String> featureNames = strings(h.get("featureNames"), "featureNames");
            StandardScaler scaler = null;
            JsonNode s = h.get("scaler");
            if (s != null && !s.isNull()) {
                scaler = new StandardScaler(arrays.get(s.path("mean").asText(), numFeatures),
                        arrays.get(s.path("scale").asText(), numFeatures));
            }
            JsonNode model = h.get("model");
            if (model == null || !model.isObject()) {
                throw new IllegalArgumentException("model description missing");
            }
            M inner = codec.read((ObjectNode) model, labels, numFeatures, arrays, typeVersion);
            return new ScaledModel<>(scaler, inner, h.get("featureConfig"), featureNames, provenance(h.get("provenance")));
        }

        private static List<String> strings(JsonNode n, String key) {
            if (n == null || !n.isArray()) {
                throw new IllegalArgumentException(key + " must be an array of strings");
            }
            List<String> out = new ArrayList<>();
            for (JsonNode e : n) {
                if (!e.isTextual()) {
                    throw new IllegalArgumentException(key + " must contain strings, found " + e);
                }
                out.add(e.asText());
            }
            return out;
        }

        private static Provenance provenance(JsonNode p) {
            if (p == null || !p.isObject()) {
                throw new IllegalArgumentException("provenance missing");
            }
            Map<String, Double> metrics = new HashMap<>();
            p.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
            JsonNode hp = p.get("hyperParameters");
            return new Provenance(Instant.parse(p.path("createdAt").asText()), p.path("libraryVersion").asText(),
                    p.path("trainer").asText(), hp != null && hp.isObject() ? (ObjectNode) hp : null,
                    p.path("trainingRows").asInt(), p.path("trainingSha256").asText(), metrics);
        }
    }
}
