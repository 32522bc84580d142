package dev.ser.models;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a model was trained; stored with the model in model files.
 *
 * @param createdAt        when training finished (UTC)
 * @param libraryVersion   version of ser-models that trained it
 * @param trainer          model type of the trainer (e.g. {@code "mlp"})
 * @param hyperParameters  the trainer's hyper-parameters
 * @param trainingRows     number of training samples
 * @param trainingSha256   {@link FeatureTable#sha256()} of the (unscaled) training table
 * @param metrics          named metrics attached by the caller (e.g. cross-validated UAR); may be empty
 */
public record Provenance(Instant createdAt, String libraryVersion, String trainer, ObjectNode hyperParameters,
                         int trainingRows, String trainingSha256, Map<String, Double> metrics) {

    private static final com.fasterxml.jackson.databind.ObjectMapper CANONICAL =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** Version string written to model files. */
    public static final String LIBRARY_VERSION = readLibraryVersion();

    public Provenance {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(libraryVersion, "libraryVersion");
        Objects.requireNonNull(trainer, "trainer");
        hyperParameters = hyperParameters == null ? JsonNodeFactory.instance.objectNode() : canonical(hyperParameters);
        metrics = metrics == null ? Map.of() : Map.copyOf(new TreeMap<>(metrics));
    }

    /** Provenance of a model trained now by {@code trainer} on {@code table}. */
    public static Provenance of(Trainer<?> trainer, FeatureTable table) {
        return new Provenance(Instant.now(), LIBRARY_VERSION, trainer.modelType(), trainer.hyperParameters(),
                table.rows(), table.sha256(), Map.of());
    }

    /** The hyper-parameters (a defensive copy). */
    @Override
    public ObjectNode hyperParameters() {
        return hyperParameters.deepCopy();
    }

    /** A copy with {@code extra} metrics added (e.g. evaluation results). */
    public Provenance withMetrics(Map<String, Double> extra) {
        Map<String, Double> all = new TreeMap<>(metrics);
        all.putAll(extra);
        return new Provenance(createdAt, libraryVersion, trainer, hyperParameters, trainingRows, trainingSha256, all);
    }

    /**
     * A copy re-parsed from its text form, so that numeric node types (int vs long) are the ones
     * a reader produces and provenance compares equal after a file round trip.
     */
    private static ObjectNode canonical(ObjectNode node) {
        try {
            return (ObjectNode) CANONICAL.readTree(CANONICAL.writeValueAsString(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("hyper-parameters cannot be encoded as JSON", e);
        }
    }

    private static String readLibraryVersion() {
        String v = Provenance.class.getPackage() == null ? null : Provenance.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
