package dev.ser.core.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link PitchConversions}. */
class PitchConversionsTest {

    @Property(tries = 200)
    void log2OfPowersOfTwoIsExact(@ForAll @IntRange(min = -1074, max = 1023) int e) {
        assertEquals(e, PitchConversions.log2(Math.scalb(1.0, e)));
    }

    @Property(tries = 500)
    void log2IsWithinAFewUlps(@ForAll @DoubleRange(min = 1e-3, max = 1e6) @Scale(6) double x) {
        double expected = Math.log(x) / Math.log(2);
        double got = PitchConversions.log2(x);
        assertTrue(Math.abs(got - expected) <= 4 * Math.ulp(Math.max(1.0, Math.abs(expected))), x + ": " + got);
        assertEquals(x, Math.pow(2, got), 4 * Math.ulp(x) * Math.max(1, Math.abs(got)));
    }

    @Test
    void octavesAndFrequencies() {
        assertEquals(4.0, PitchConversions.hzToOctaves(440, 0, 12));
        assertEquals(5.0, PitchConversions.hzToOctaves(880 * Math.pow(2, 0.5 / 12), 0.5, 12), 1e-15);
        double[] f = PitchConversions.fftFrequencies(16000, 2048);
        assertEquals(1025, f.length);
        assertEquals(8000.0, f[1024]);
        assertEquals(0.75, PitchConversions.floorMod(-0.25, 1.0));
        assertEquals(0.0, PitchConversions.floorMod(-1.0, 1.0));
        assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(PitchConversions.floorMod(-2.0, 1.0)));
    }

    @Property(tries = 1000)
    void floorModHasTheBitsOfPythonsModulo(@ForAll @DoubleRange(min = -1e4, max = 1e4) @Scale(12) double value,
                                           @ForAll @IntRange(min = 1, max = 36) int divisor,
                                           @ForAll @IntRange(min = -2, max = 2) int ulps) {
        // also values a few ulps around exact multiples, where the quotient rounds
        double v = ulps == 0 ? value : Math.rint(value) * divisor;
        for (int i = 0; i < Math.abs(ulps); i++) {
            v = ulps > 0 ? Math.nextUp(v) : Math.nextDown(v);
        }
        double expected = v % divisor;
        if (expected != 0 && expected < 0) {
            expected += divisor;
        } else if (expected == 0) {
            expected = 0.0;
        }
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(PitchConversions.floorMod(v, divisor)),
                v + " mod " + divisor);
    }
}
