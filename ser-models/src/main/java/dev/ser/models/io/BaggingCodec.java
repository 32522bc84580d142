package dev.ser.models.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.models.Classifier;
import dev.ser.models.ensemble.BaggingConfig;
import dev.ser.models.ensemble.BaggingModel;
import dev.ser.models.ensemble.BaggingTrainer;
import dev.ser.models.tree.StoredInts;
import java.util.ArrayList;
import java.util.List;

/**
 * Model-file codec of {@link BaggingModel}, whose members may be of any registered type (one type
 * per ensemble). Description: {@code params}, {@code member_type}, {@code member_version} and
 * {@code members} (each member's own description). Arrays: each member's arrays renamed
 * {@code bagging.<i>.<name>}. Lives in this package because it builds {@link StoredArrays}.
 */
public final class BaggingCodec implements ModelCodec<BaggingModel> {

    @Override
    public String modelType() {
        return BaggingTrainer.MODEL_TYPE;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<BaggingModel> modelClass() {
        return BaggingModel.class;
    }

    @Override
    public ObjectNode describe(BaggingModel model) {
        ModelCodec<Classifier> codec = codecOf(model);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("params", model.config().toJson());
        o.put("member_type", codec.modelType());
        o.put("member_version", codec.version());
        ArrayNode members = o.putArray("members");
        for (Classifier m : model.members()) {
            members.add(codec.describe(m));
        }
        return o;
    }

    @Override
    public List<NamedArray> arrays(BaggingModel model) {
        ModelCodec<Classifier> codec = codecOf(model);
        List<NamedArray> out = new ArrayList<>();
        for (int i = 0; i < model.members().size(); i++) {
            for (NamedArray a : codec.arrays(model.members().get(i))) {
                out.add(new NamedArray("bagging." + i + "." + a.name(), a.shape(), a.data()));
            }
        }
        return out;
    }

    @Override
    public BaggingModel read(ObjectNode d, List<String> labels, int numFeatures, StoredArrays arrays, int version) {
        BaggingConfig config = BaggingConfig.fromJson(d.path("params"));
        String type = d.path("member_type").asText("");
        ModelCodec<?> codec = ModelCodecs.forType(type)
                .orElseThrow(() -> new IllegalArgumentException("unknown bagging member type " + type));
        if (codec instanceof BaggingCodec) {
            throw new IllegalArgumentException("bagging members cannot be bagging ensembles");
        }
        int memberVersion = StoredInts.count(d, "member_version", 1, codec.version());
        JsonNode members = d.get("members");
        if (members == null || !members.isArray() || members.size() != config.nEstimators()) {
            throw new IllegalArgumentException("members must be an array of n_estimators descriptions");
        }
        List<Classifier> out = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (!members.get(i).isObject()) {
                throw new IllegalArgumentException("member " + i + " description is not an object");
            }
            String prefix = "bagging." + i + ".";
            StoredArrays own = new StoredArrays();
            for (String name : arrays.names()) {
                if (name.startsWith(prefix)) {
                    NamedArray a = arrays.array(name);
                    own.add(new NamedArray(name.substring(prefix.length()), a.shape(), a.data()));
                }
            }
            out.add(codec.read((ObjectNode) members.get(i), labels, numFeatures, own, memberVersion));
        }
        return new BaggingModel(out, config);
    }

    @SuppressWarnings("unchecked")
    private static ModelCodec<Classifier> codecOf(BaggingModel model) {
        Class<?> type = model.members().get(0).getClass();
        for (Classifier m : model.members()) {
            if (m.getClass() != type) {
                throw new IllegalArgumentException("bagging members of mixed types cannot be saved");
            }
        }
        return (ModelCodec<Classifier>) (ModelCodec<?>) ModelCodecs.forModel(model.members().get(0));
    }
}
