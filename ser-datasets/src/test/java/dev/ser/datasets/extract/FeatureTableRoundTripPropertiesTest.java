package dev.ser.datasets.extract;

import dev.ser.datasets.Emotion;
import dev.ser.datasets.Utterance;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FeatureTableRoundTripPropertiesTest {

    private static FeatureTable random(long seed, int rows, int cols, String key) {
        Random rnd = new Random(seed);
        List<Utterance> us = new ArrayList<>();
        Emotion[] es = Emotion.values();
        for (int r = 0; r < rows; r++) {
            Emotion e = es[rnd.nextInt(es.length)];
            us.add(Utterance.builder(Path.of("d" + rnd.nextInt(5), "f" + r + "_" + e.label() + ".wav"), "custom")
                    .speaker("s" + rnd.nextInt(3)).emotion(e, e.label()).build());
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            names.add("feat_" + c);
        }
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            // raw bit patterns cover subnormals, huge exponents, signed zeros, NaN payloads (canonicalised below)
            double d = Double.longBitsToDouble(rnd.nextLong());
            v[i] = Double.isNaN(d) ? Double.NaN : d;
        }
        return new FeatureTable(key, us, names, v);
    }

    @Property(tries = 50)
    void csvAndNpyRoundTripAnyValues(@ForAll long seed, @ForAll @IntRange(max = 20) int rows,
                                     @ForAll @IntRange(min = 1, max = 12) int cols, @ForAll @Chars({'a', 'Z', '\n', '\r', '\\', 'n', ' ', '=', '\u00e9', '\u4e2d'}) String key)
            throws IOException {
        FeatureTable t = random(seed, rows, cols, key);
        Path dir = Files.createTempDirectory("ser-table");
        try {
            FeatureTableIO.writeNpy(t, dir.resolve("t"));
            assertEquals(t, FeatureTableIO.readNpy(dir.resolve("t")));
            FeatureTableIO.writeCsv(t, dir.resolve("t.csv"));
            FeatureTable back = FeatureTableIO.readCsv(dir.resolve("t.csv"));
            assertEquals(t.rows(), back.rows());
            assertArrayEquals(t.values(), back.values());
        } finally {
            for (Path p : FeatureTableIO.npyFiles(dir.resolve("t"))) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir.resolve("t.csv"));
            Files.delete(dir);
        }
    }

    @Property(tries = 30)
    void selectPicksRowsByPathInTheRequestedOrder(@ForAll long seed, @ForAll @IntRange(min = 1, max = 20) int rows) {
        FeatureTable t = random(seed, rows, 3, "k");
        List<Utterance> subset = new ArrayList<>(t.rows());
        java.util.Collections.shuffle(subset, new Random(seed));
        subset = subset.subList(0, (rows + 1) / 2);
        FeatureTable s = t.select(subset);
        assertEquals(subset, s.rows());
        for (int i = 0; i < subset.size(); i++) {
            assertArrayEquals(t.row(t.rows().indexOf(subset.get(i))), s.row(i));
        }
    }
}
