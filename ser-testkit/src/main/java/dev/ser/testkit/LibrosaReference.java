package dev.ser.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The committed copies of the librosa 0.11.0 reference outputs ({@code testdata/librosa-ref},
 * made by {@code scripts/copy_librosa_refs.py}): signals, cases with the exact Python call, and
 * the outputs to compare against.
 */
public final class LibrosaReference {
    /** One reference case: a librosa call on a signal and its stored output. */
    public record Case(String id, String signal, String call, String file, int[] shape, String error) {
        /** The part of the id after {@code signal__}, naming the computation. */
        public String kind() {
            int i = id.indexOf("__");
            return i < 0 ? id : id.substring(i + 2);
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** A named input signal. */
    public record SignalInfo(String name, String file, int sampleRate, String note) {
    }

    private static LibrosaReference instance;

    private final Path root;
    private final Map<String, SignalInfo> signals = new LinkedHashMap<>();
    private final Map<String, Case> cases = new LinkedHashMap<>();
    private final List<String> seedFiles = new ArrayList<>();

    private LibrosaReference(Path root) throws IOException {
        this.root = root;
        JsonNode index = new ObjectMapper().readTree(root.resolve("index.json").toFile());
        index.get("signals").fields().forEachRemaining(e -> {
            JsonNode s = e.getValue();
            signals.put(e.getKey(), new SignalInfo(e.getKey(), s.get("file").asText(),
                    s.get("sr").asInt(), s.path("note").asText("")));
        });
        for (JsonNode c : index.get("cases")) {
            JsonNode shapeNode = c.path("shape");
            int[] shape = new int[shapeNode.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = shapeNode.get(i).asInt();
            }
            cases.put(c.get("id").asText(), new Case(c.get("id").asText(),
                    c.path("signal").isNull() ? null : c.path("signal").asText(null),
                    c.path("call").asText(), c.path("file").asText(null), shape,
                    c.hasNonNull("error") ? c.get("error").asText() : null));
        }
        index.path("seed_files").forEach(n -> seedFiles.add(n.asText()));
    }

    /** The shared instance, loaded once. */
    public static synchronized LibrosaReference load() {
        if (instance == null) {
            try {
                instance = new LibrosaReference(TestData.root().resolve("librosa-ref"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** All cases whose id matches {@code filter}, in index order. */
    public Stream<Case> cases(Predicate<Case> filter) {
        return cases.values().stream().filter(filter);
    }

    /** All cases whose id ends with {@code __suffix}. */
    public Stream<Case> casesOfKind(String kind) {
        return cases(c -> c.kind().equals(kind));
    }

    public Case get(String id) {
        Case c = cases.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no reference case " + id);
        }
        return c;
    }

    public SignalInfo signalInfo(String name) {
        SignalInfo s = signals.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no reference signal " + name);
        }
        return s;
    }

    /** The samples of a named input signal; its rate is {@link #signalInfo}{@code .sampleRate()}. */
    public double[] signal(String name) {
        return read(signalInfo(name).file()).values();
    }

    /** The stored output of a case. */
    public NpyArray output(Case c) {
        if (c.file() == null) {
            throw new IllegalStateException(c.id() + " has no output (error case: " + c.error() + ")");
        }
        return read(c.file());
    }

    /** Paths (relative to the corpus root) of the files behind {@code seed_vectors_float32}. */
    public List<String> seedFiles() {
        return List.copyOf(seedFiles);
    }

    private NpyArray read(String relative) {
        Path p = root.resolve(relative);
        try {
            return Npy.read(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the references live. */
    public Path root() {
        return root;
    }
}
