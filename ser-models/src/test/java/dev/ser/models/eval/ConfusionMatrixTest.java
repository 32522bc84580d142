package dev.ser.models.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.models.TestData;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    @Test
    void handComputedImbalancedExample() {
        // 8 "neutral" all right; 2 "angry": one right, one called neutral
        int[] truth = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1};
        int[] pred = {0, 0, 0, 0, 0, 0, 0, 0, 1, 0};
        ConfusionMatrix cm = ConfusionMatrix.of(truth, pred, List.of("neutral", "angry"));
        assertEquals(0.9, cm.accuracy(), 1e-15);
        assertEquals(0.75, cm.uar(), 1e-15, "UAR = (8/8 + 1/2) / 2, far below accuracy");
        assertEquals(8.0 / 9, cm.precision(0), 1e-15);
        assertEquals(1.0, cm.recall(0), 0);
        assertEquals(16.0 / 17, cm.f1(0), 1e-15);
        assertEquals(1.0, cm.precision(1), 0);
        assertEquals(0.5, cm.recall(1), 0);
        assertEquals(2.0 / 3, cm.f1(1), 1e-15);
        assertEquals((16.0 / 17 + 2.0 / 3) / 2, cm.macroF1(), 1e-15);
        assertEquals(1, cm.count(1, 0));
    }

    @Test
    void absentClassesFollowScikitLearnConventions() {
        // class 2 never occurs in truth or predictions; class 1 is predicted but never true
        ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 0, 0}, new int[] {0, 1, 0}, List.of("a", "b", "c"));
        assertEquals(2.0 / 3, cm.uar(), 1e-15, "balanced accuracy averages over classes present in the truth");
        assertEquals(0.0, cm.precision(1), 0);
        assertEquals((0.8 + 0.0) / 2, cm.macroF1(), 1e-15, "macro-F1 over classes in truth or predictions");
    }

    @Test
    void reportStatesSplitKindAndPrintsTable() {
        ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 1, 1}, new int[] {0, 1, 0}, List.of("calm", "sad"));
        EvaluationReport r = new EvaluationReport(SplitKind.SPEAKER_INDEPENDENT, cm);
        assertTrue(r.speakerIndependent());
        String table = r.toTable();
        assertTrue(table.contains("SPEAKER_INDEPENDENT"), table);
        assertTrue(table.contains("UAR 0.7500"), table);
        assertTrue(table.contains("calm") && table.contains("sad"), table);
        assertEquals(2, r.perClass().size());
    }

    record Sample(int[] truth, int[] pred, int k) {
    }

    @Provide
    Arbitrary<Sample> samples() {
        return Arbitraries.integers().between(1, 5).flatMap(k -> Arbitraries.integers().between(1, 60).flatMap(n ->
                Combinators.combine(
                        Arbitraries.integers().between(0, k - 1).array(int[].class).ofSize(n),
                        Arbitraries.integers().between(0, k - 1).array(int[].class).ofSize(n))
                        .as((t, p) -> new Sample(t, p, k))));
    }

    @Property(tries = 200)
    void metricsAreInUnitInterval(@ForAll("samples") Sample s) {
        ConfusionMatrix cm = ConfusionMatrix.of(s.truth(), s.pred(), TestData.labels(s.k()));
        for (double v : new double[] {cm.accuracy(), cm.uar(), cm.macroF1()}) {
            assertTrue(v >= 0 && v <= 1, "metric " + v);
        }
        assertEquals(s.truth().length, cm.total());
    }

    @Property(tries = 100)
    void perfectClassifierScoresOne(@ForAll("samples") Sample s) {
        ConfusionMatrix cm = ConfusionMatrix.of(s.truth(), s.truth(), TestData.labels(s.k()));
        assertEquals(1.0, cm.accuracy(), 0);
        assertEquals(1.0, cm.uar(), 1e-15);
        assertEquals(1.0, cm.macroF1(), 1e-15);
    }

    @Property(tries = 100)
    void invariantUnderSamplePermutationAndClassRenaming(@ForAll("samples") Sample s, @ForAll long seed) {
        ConfusionMatrix cm = ConfusionMatrix.of(s.truth(), s.pred(), TestData.labels(s.k()));
        dev.ser.models.util.SplitMix64 rng = new dev.ser.models.util.SplitMix64(seed);
        int n = s.truth().length;
        int[] order = java.util.stream.IntStream.range(0, n).toArray();
        rng.shuffle(order);
        int[] rename = java.util.stream.IntStream.range(0, s.k()).toArray();
        rng.shuffle(rename);
        int[] t2 = new int[n];
        int[] p2 = new int[n];
        for (int i = 0; i < n; i++) {
            t2[i] = rename[s.truth()[order[i]]];
            p2[i] = rename[s.pred()[order[i]]];
        }
        ConfusionMatrix other = ConfusionMatrix.of(t2, p2, TestData.labels(s.k()));
        assertEquals(cm.accuracy(), other.accuracy(), 1e-15);
        assertEquals(cm.uar(), other.uar(), 1e-12);
        assertEquals(cm.macroF1(), other.macroF1(), 1e-12);
    }
}
