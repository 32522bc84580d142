package dev.ser.models.ensemble;

import dev.ser.models.ConfiguredTrainer;
import dev.ser.models.FeatureTable;
import dev.ser.models.TrainingListener;
import dev.ser.models.tree.Presorted;
import dev.ser.models.tree.Tree;
import dev.ser.models.tree.TreeBuilder;
import dev.ser.models.util.SplitMix64;
import dev.ser.models.util.Workers;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Trains a random forest ({@link ForestModel}) as scikit-learn's {@code RandomForestClassifier}:
 * each tree is grown on a bootstrap sample (as integer sample weights) with a random subset of
 * features examined at every split.
 *
 * <p>Determinism: tree {@code i} uses the {@code i}-th value of a generator seeded with the
 * configured seed, drawn before any tree is grown, so the forest is bit-identical whatever the
 * thread count and scheduling. The training matrix is ranked once and shared by all trees.
 */
public final class RandomForestTrainer extends ConfiguredTrainer<RandomForestConfig, ForestModel> {

    /** The model type written to model files. */
    public static final String MODEL_TYPE = "random_forest";

    /** A trainer with the given hyper-parameters. */
    public RandomForestTrainer(RandomForestConfig config) {
        super(MODEL_TYPE, config);
    }

    @Override
    public ForestModel fit(FeatureTable table, TrainingListener listener) {
        Presorted data = Presorted.of(table.rawData(), table.rows(), table.cols());
        int[] y = table.labels();
        int n = table.rows();
        long[] seeds = treeSeeds(config.seed(), config.nEstimators());
        Tree[] trees = new Tree[seeds.length];
        TreeBuilder.Limits limits = config.tree().limits(table.cols());
        AtomicInteger next = new AtomicInteger();
        try (Workers workers = new Workers(Math.min(config.threads(), seeds.length))) {
            workers.run(w -> {
                for (int i = next.getAndIncrement(); i < seeds.length; i = next.getAndIncrement()) {
                    SplitMix64 rng = new SplitMix64(seeds[i]);
                    double[] weight = config.bootstrap() ? bootstrapCounts(n, rng) : ones(n);
                    trees[i] = TreeBuilder.classification(data, y, table.numClasses(), weight,
                            config.tree().criterion(), limits, rng);
                }
            });
        }
        return new ForestModel(table.labelNames(), table.cols(), Arrays.asList(trees), config);
    }

    /** The per-member seeds: the first {@code count} values of a generator seeded with {@code seed}. */
    static long[] treeSeeds(long seed, int count) {
        SplitMix64 master = new SplitMix64(seed);
        long[] seeds = new long[count];
        for (int i = 0; i < count; i++) {
            seeds[i] = master.nextLong();
        }
        return seeds;
    }

    /** How often each of {@code n} samples is drawn in {@code n} draws with replacement. */
    static double[] bootstrapCounts(int n, SplitMix64 rng) {
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[rng.nextInt(n)] += 1;
        }
        return w;
    }

    static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        return w;
    }
}

