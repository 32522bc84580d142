package dev.ser.models.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.models.FeatureTable;
import dev.ser.models.util.SplitMix64;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of ranking and tree growth on random data (with many ties: values are small ints). */
class TreeProperties {

    private static FeatureTable random(long seed, int n, int d, int classes, int levels) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] x = new double[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(classes);
            for (int j = 0; j < d; j++) {
                x[i * d + j] = rng.nextInt(levels) - levels / 2 + (j == 0 ? 0.5 * y[i] : 0);
            }
        }
        List<String> names = new java.util.ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("c" + c);
        }
        return new FeatureTable(x, n, d, y, names, null, null);
    }

    @Property(tries = 60)
    void ranksFollowValueOrder(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n,
                               @ForAll @IntRange(min = 1, max = 4) int d) {
        FeatureTable t = random(seed, n, d, 2, 5);
        Presorted p = Presorted.of(t.rawData(), n, d);
        for (int f = 0; f < d; f++) {
            for (int i = 0; i < n; i++) {
                assertEquals(t.get(i, f), p.value(f, p.rank(f, i)), 0.0);
                for (int j = 0; j < n; j++) {
                    assertEquals(Double.compare(t.get(i, f), t.get(j, f)), Integer.compare(p.rank(f, i), p.rank(f, j)));
                }
            }
        }
    }

    @Property(tries = 60)
    void leafValuesAreTheClassFractionsOfTheRowsReachingThem(@ForAll long seed,
                                                              @ForAll @IntRange(min = 2, max = 80) int n,
                                                              @ForAll @IntRange(min = 1, max = 4) int d,
                                                              @ForAll @IntRange(min = 1, max = 6) int minLeaf,
                                                              @ForAll boolean entropy) {
        FeatureTable t = random(seed, n, d, 3, 4);
        DecisionTreeConfig cfg = DecisionTreeConfig.builder().minSamplesLeaf(minLeaf).seed(seed)
                .criterion(entropy ? Criterion.ENTROPY : Criterion.GINI).build();
        Tree tree = new DecisionTreeTrainer(cfg).fit(t).tree();
        double[][] counts = new double[tree.nodeCount()][3];
        int[] rows = new int[tree.nodeCount()];
        for (int i = 0; i < n; i++) {
            int leaf = tree.apply(t.row(i));
            counts[leaf][t.label(i)]++;
            rows[leaf]++;
        }
        double[] v = tree.value();
        int[] feature = tree.feature();
        for (int node = 0; node < tree.nodeCount(); node++) {
            if (feature[node] >= 0) {
                continue;
            }
            assertTrue(rows[node] >= Math.min(minLeaf, n), "leaf " + node + " holds " + rows[node]);
            for (int c = 0; c < 3; c++) {
                assertEquals(counts[node][c] / rows[node], v[node * 3 + c], 1e-12);
            }
        }
    }

    @Property(tries = 40)
    void splitsStrictlyImproveOrTheTreeStops(@ForAll long seed, @ForAll @IntRange(min = 2, max = 60) int n) {
        // a full tree on data without conflicting duplicates separates every training row
        FeatureTable t = random(seed, n, 3, 2, 1000);
        Tree tree = new DecisionTreeTrainer(DecisionTreeConfig.builder().seed(seed).build()).fit(t).tree();
        for (int i = 0; i < n; i++) {
            boolean duplicate = false;
            for (int j = 0; j < n; j++) {
                duplicate |= j != i && java.util.Arrays.equals(t.row(i), t.row(j)) && t.label(i) != t.label(j);
            }
            if (!duplicate) {
                assertEquals(1.0, tree.value()[tree.apply(t.row(i)) * 2 + t.label(i)], "row " + i);
            }
        }
    }
}
