package dev.ser.core.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** {@link InverseStft}: perfect reconstruction and librosa's length rules. */
class InverseStftTest {
    private static final double TOL = 1e-10;

    /** Configurations whose squared windows overlap without gaps (librosa's NOLA condition). */
    @Provide
    Arbitrary<StftConfig> configs() {
        return Arbitraries.of(List.of(
                StftConfig.DEFAULT,
                StftConfig.builder().nFft(512).hopLength(128).build(),
                StftConfig.builder().nFft(512).hopLength(160).winLength(400).window(Window.HAMMING).build(),
                StftConfig.builder().nFft(256).hopLength(64).window(Window.BLACKMAN).build(),
                StftConfig.builder().nFft(256).hopLength(128).window(Window.RECTANGULAR).build(),
                StftConfig.builder().nFft(300).hopLength(75).padMode(PadMode.REFLECT).build(),
                StftConfig.builder().nFft(255).hopLength(60).build()));
    }

    @Property(tries = 60)
    void centredRoundTripReconstructsTheSignal(@ForAll("configs") StftConfig config,
                                               @ForAll @IntRange(min = 1, max = 5000) int length,
                                               @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        double[] x = noise(length, seed);
        double[] y = InverseStft.compute(Stft.compute(x, config), config, length);
        assertArrayEquals(x, y, TOL);
    }

    @Property(tries = 40)
    void roundTripWithoutLengthCoversWholeFrames(@ForAll("configs") StftConfig config,
                                                 @ForAll @IntRange(min = 1, max = 5000) int length,
                                                 @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        double[] x = noise(length, seed);
        ComplexMatrix d = Stft.compute(x, config);
        double[] y = InverseStft.compute(d, config);
        int expected = config.hopLength() * (d.cols() - 1) + config.nFft() - 2 * (config.nFft() / 2);
        assertEquals(expected, y.length, "librosa's length without length=");
        int common = Math.min(length, y.length);
        assertArrayEquals(Arrays.copyOf(x, common), Arrays.copyOf(y, common), TOL);
    }

    /** Without centring the edges see only a window flank; the interior is exact. */
    @Property(tries = 40)
    void uncentredRoundTripReconstructsTheInterior(@ForAll("configs") StftConfig centred,
                                                   @ForAll @IntRange(min = 0, max = 4000) int extra,
                                                   @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        StftConfig config = centred.toBuilder().center(false).build();
        int nFft = config.nFft();
        double[] x = noise(2 * nFft + extra, seed);
        double[] y = InverseStft.compute(Stft.compute(x, config), config, x.length);
        int lastFrameEnd = (config.frameCount(x.length) - 1) * config.hopLength() + nFft;
        for (int i = nFft; i < lastFrameEnd - nFft; i++) {
            assertEquals(x[i], y[i], TOL, "sample " + i);
        }
    }

    @Property(tries = 30)
    void longerLengthIsZeroFilled(@ForAll @IntRange(min = 1, max = 3000) int length,
                                  @ForAll @IntRange(min = 1, max = 5000) int more,
                                  @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        StftConfig config = StftConfig.builder().nFft(512).hopLength(128).build();
        double[] x = noise(length, seed);
        double[] y = InverseStft.compute(Stft.compute(x, config), config, length + more);
        assertEquals(length + more, y.length);
        assertArrayEquals(x, Arrays.copyOf(y, length), TOL);
        // Frames reach n_fft/2 past the last centre; beyond that nothing is overlap-added.
        int lastCentre = (config.frameCount(length) - 1) * config.hopLength();
        for (int i = lastCentre + config.nFft() / 2; i < y.length; i++) {
            assertEquals(0.0, y[i], 0.0, "sample " + i);
        }
    }

    @Test
    void defaultInfersFftSizeFromRows() {
        StftConfig config = StftConfig.builder().nFft(512).build();
        double[] x = noise(3000, 7);
        ComplexMatrix d = Stft.compute(x, config);
        assertArrayEquals(InverseStft.compute(d, config), InverseStft.compute(d), 0.0);
    }

    @Test
    void rejectsNonPositiveLength() {
        ComplexMatrix d = Stft.compute(noise(3000, 1), StftConfig.DEFAULT);
        assertThrows(IllegalArgumentException.class, () -> InverseStft.compute(d, StftConfig.DEFAULT, 0));
    }

    private static double[] noise(int n, long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
        }
        return x;
    }
}
