package dev.ser.models.ensemble;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.models.Classifier;
import dev.ser.models.FeatureTable;
import dev.ser.models.Trainer;
import dev.ser.models.TrainingListener;
import dev.ser.models.util.SplitMix64;
import dev.ser.models.util.Workers;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;

/**
 * Trains a {@link BaggingModel}: each member is fitted by its own trainer on rows drawn from the
 * training table (with replacement when bootstrapping). Members get their row draw and their
 * trainer's seed from the {@code i}-th value of a generator seeded with the configured seed, so the
 * ensemble is identical whatever the thread count.
 */
public final class BaggingTrainer implements Trainer<BaggingModel> {

    /** The model type written to model files. */
    public static final String MODEL_TYPE = "bagging";

    private final BaggingConfig config;
    private final LongFunction<? extends Trainer<?>> memberTrainer;

    /**
     * @param config        the bagging hyper-parameters
     * @param memberTrainer the trainer of a member given its seed (e.g.
     *                      {@code s -> new DecisionTreeTrainer(cfg.toBuilder().seed(s).build())});
     *                      a trainer without randomness may ignore the seed
     */
    public BaggingTrainer(BaggingConfig config, LongFunction<? extends Trainer<?>> memberTrainer) {
        this.config = Objects.requireNonNull(config, "config");
        this.memberTrainer = Objects.requireNonNull(memberTrainer, "memberTrainer");
    }

    /** The hyper-parameters. */
    public BaggingConfig config() {
        return config;
    }

    @Override
    public String modelType() {
        return MODEL_TYPE;
    }

    /** The bagging parameters plus {@code estimator}: the member type and its parameters (for seed 0). */
    @Override
    public ObjectNode hyperParameters() {
        ObjectNode o = config.toJson();
        Trainer<?> member = memberTrainer.apply(0);
        ObjectNode est = o.putObject("estimator");
        est.put("model_type", member.modelType());
        est.set("params", member.hyperParameters());
        return o;
    }

    @Override
    public BaggingModel fit(FeatureTable table, TrainingListener listener) {
        int n = table.rows();
        int draws = Math.max(1, (int) (config.maxSamples() * n));
        long[] seeds = RandomForestTrainer.treeSeeds(config.seed(), config.nEstimators());
        Classifier[] members = new Classifier[seeds.length];
        AtomicInteger next = new AtomicInteger();
        try (Workers workers = new Workers(Math.min(config.threads(), seeds.length))) {
            workers.run(w -> {
                for (int i = next.getAndIncrement(); i < seeds.length; i = next.getAndIncrement()) {
                    SplitMix64 rng = new SplitMix64(seeds[i]);
                    int[] rows = config.bootstrap() ? withReplacement(n, draws, rng)
                            : withoutReplacement(n, draws, rng);
                    members[i] = memberTrainer.apply(rng.nextLong()).fit(table.subset(rows));
                }
            });
        }
        return new BaggingModel(Arrays.asList(members), config);
    }

    private static int[] withReplacement(int n, int draws, SplitMix64 rng) {
        int[] rows = new int[draws];
        for (int k = 0; k < draws; k++) {
            rows[k] = rng.nextInt(n);
        }
        return rows;
    }

    private static int[] withoutReplacement(int n, int draws, SplitMix64 rng) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int j = 0; j < draws; j++) {
            int r = j + rng.nextInt(n - j);
            int t = idx[r];
            idx[r] = idx[j];
            idx[j] = t;
        }
        return Arrays.copyOf(idx, draws);
    }
}
