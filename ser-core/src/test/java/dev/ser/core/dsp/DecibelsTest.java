package dev.ser.core.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** power_to_db and friends. */
class DecibelsTest {
    private static final DecibelConfig NO_TOP = DecibelConfig.builder().topDb(null).build();

    /** Random powers spanning 20 decades, some below amin and some exactly zero. */
    static Matrix randomPowers(long seed, int n) {
        Random r = new Random(seed);
        Matrix m = new Matrix(1, n);
        for (int i = 0; i < n; i++) {
            m.data()[i] = r.nextInt(10) == 0 ? 0.0 : Math.pow(10, r.nextDouble() * 20 - 14);
        }
        return m;
    }

    @Test
    void knownValues() {
        Matrix p = new Matrix(1, 4, new double[] {1.0, 100.0, 0.0, 1e-3});
        assertEquals(Arrays.toString(new double[] {0.0, 20.0, -100.0, -30.0}),
                Arrays.toString(Decibels.powerToDb(p, NO_TOP).data()));
        // top_db 80 clips at 20 - 80 = -60
        assertEquals(-60.0, Decibels.powerToDb(p).get(0, 2), 0.0);
        // ref = max: the maximum maps to 0 dB
        Matrix rel = Decibels.powerToDb(p, DecibelConfig.builder().refMax().topDb(null).build());
        assertEquals(0.0, rel.get(0, 1), 0.0);
        assertEquals(-20.0, rel.get(0, 0), 1e-12);
        // amplitude: 20 log10, amin 1e-5 -> floor -100 dB
        Matrix a = new Matrix(1, 3, new double[] {10.0, -0.1, 0.0});
        Matrix adb = Decibels.amplitudeToDb(a, DecibelConfig.AMPLITUDE_DEFAULT.toBuilder().topDb(null).build());
        assertEquals(20.0, adb.get(0, 0), 1e-12);
        assertEquals(-20.0, adb.get(0, 1), 1e-12);
        assertEquals(-100.0, adb.get(0, 2), 1e-12);
    }

    @Test
    void refusesBadParameters() {
        assertThrows(SpectralParameterException.class, () -> DecibelConfig.builder().amin(0).build());
        assertThrows(SpectralParameterException.class, () -> DecibelConfig.builder().topDb(-1.0).build());
    }

    @Property(tries = 100)
    void powerToDbIsMonotone(@ForAll long seed, @ForAll @IntRange(min = 1, max = 200) int n) {
        Matrix p = randomPowers(seed, n);
        double[] sorted = p.data().clone();
        Arrays.sort(sorted);
        double[] db = Decibels.powerToDb(new Matrix(1, n, sorted), NO_TOP).data();
        for (int i = 1; i < n; i++) {
            assertTrue(db[i] >= db[i - 1], "not monotone at " + i);
        }
        double[] clipped = Decibels.powerToDb(new Matrix(1, n, sorted)).data();
        for (int i = 1; i < n; i++) {
            assertTrue(clipped[i] >= clipped[i - 1], "clipped not monotone at " + i);
        }
    }

    @Property(tries = 100)
    void topDbBoundsTheDynamicRange(@ForAll long seed, @ForAll @IntRange(min = 1, max = 200) int n,
                                    @ForAll @DoubleRange(min = 0, max = 150) double topDb) {
        Matrix p = randomPowers(seed, n);
        double[] free = Decibels.powerToDb(p, NO_TOP).data();
        double[] clipped = Decibels.powerToDb(p, DecibelConfig.builder().topDb(topDb).build()).data();
        double max = Arrays.stream(free).max().orElseThrow();
        for (int i = 0; i < n; i++) {
            assertTrue(clipped[i] >= max - topDb - 1e-9, "below the floor");
            assertEquals(Math.max(free[i], max - topDb), clipped[i], 0.0);
        }
        assertEquals(max, Arrays.stream(clipped).max().orElseThrow(), 0.0);
    }

    @Property(tries = 100)
    void dbToPowerInvertsPowerToDbAboveAmin(@ForAll @DoubleRange(min = -9, max = 9) double logPower,
                                            @ForAll @DoubleRange(min = -3, max = 3) double logRef) {
        double power = Math.pow(10, logPower);
        double ref = Math.pow(10, logRef);
        Matrix p = new Matrix(1, 1, new double[] {power});
        Matrix db = Decibels.powerToDb(p, DecibelConfig.builder().ref(ref).topDb(null).build());
        assertEquals(power, Decibels.dbToPower(db, ref).get(0, 0), 1e-12 * power);
        Matrix adb = Decibels.amplitudeToDb(p, DecibelConfig.AMPLITUDE_DEFAULT.toBuilder().ref(ref).topDb(null).build());
        if (power >= 1e-5) {
            assertEquals(power, Decibels.dbToAmplitude(adb, ref).get(0, 0), 1e-12 * power);
            assertEquals(2 * db.get(0, 0), adb.get(0, 0), 1e-9); // 20 log10(x/r) = 2 * 10 log10(x/r)
        }
    }

    @Property(tries = 50)
    void amplitudeToDbIsPowerToDbOfTheSquare(@ForAll long seed, @ForAll @IntRange(min = 1, max = 100) int n) {
        Matrix a = randomPowers(seed, n);
        Matrix squared = a.copy();
        for (int i = 0; i < n; i++) {
            squared.data()[i] *= squared.data()[i];
        }
        Matrix viaPower = Decibels.powerToDb(squared, DecibelConfig.builder().amin(1e-10).refMax().build());
        Matrix direct = Decibels.amplitudeToDb(a, DecibelConfig.AMPLITUDE_DEFAULT.toBuilder().refMax().build());
        for (int i = 0; i < n; i++) {
            assertEquals(viaPower.data()[i], direct.data()[i], 1e-9);
        }
    }
}
