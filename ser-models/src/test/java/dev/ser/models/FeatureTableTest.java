package dev.ser.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureTableTest {

    @Test
    void subsetKeepsRowsLabelsAndGroups() {
        FeatureTable t = FeatureTable.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}, new int[] {0, 1, 0},
                List.of("a", "b"), new String[] {"s1", "s2", "s3"});
        FeatureTable s = t.subset(new int[] {2, 0});
        assertArrayEquals(new double[] {5, 6}, s.row(0));
        assertArrayEquals(new int[] {0, 0}, s.labels());
        assertEquals("s3", s.group(0).orElseThrow());
        assertEquals(List.of("f0", "f1"), s.featureNames());
    }

    @Test
    void rejectsInconsistentInput() {
        assertThrows(IllegalArgumentException.class,
                () -> FeatureTable.of(new double[][] {{1}, {2}}, new int[] {0, 2}, List.of("a", "b")));
        assertThrows(IllegalArgumentException.class,
                () -> FeatureTable.of(new double[][] {{1}, {2, 3}}, new int[] {0, 1}, List.of("a", "b")));
        assertThrows(IllegalArgumentException.class,
                () -> FeatureTable.of(new double[][] {{1}}, new int[] {0}, List.of("a", "a")));
    }

    @Test
    void hashIdentifiesContent() {
        FeatureTable a = FeatureTable.of(new double[][] {{1, 2}}, new int[] {0}, List.of("a"));
        FeatureTable b = FeatureTable.of(new double[][] {{1, 2.0000001}}, new int[] {0}, List.of("a"));
        assertEquals(a.sha256(), FeatureTable.of(new double[][] {{1, 2}}, new int[] {0}, List.of("a")).sha256());
        assertNotEquals(a.sha256(), b.sha256());
    }
}
