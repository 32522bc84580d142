package dev.ser.models.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

class SoftmaxTest {

    @Property
    void probabilitiesSumToOneKeepOrderAndIgnoreShifts(
            @ForAll @Size(min = 1, max = 12) double[] logits,
            @ForAll @DoubleRange(min = -500, max = 500) double shift) {
        for (double v : logits) {
            if (!Double.isFinite(v) || Math.abs(v) > 1e6) {
                return;
            }
        }
        double[] p = logits.clone();
        OutputBinding.softmaxInPlace(p);
        double sum = 0;
        for (double v : p) {
            assertTrue(v >= 0 && v <= 1, "probability " + v);
            sum += v;
        }
        assertEquals(1.0, sum, 1e-12);
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                if (logits[i] > logits[j]) {
                    assertTrue(p[i] >= p[j]);
                }
            }
        }
        double[] q = logits.clone();
        for (int i = 0; i < q.length; i++) {
            q[i] += shift;
        }
        OutputBinding.softmaxInPlace(q);
        for (int i = 0; i < p.length; i++) {
            assertEquals(p[i], q[i], 1e-9);
        }
    }
}
