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

    /**
     * The batched inverse, the tiled overlap-add and the periodic window-sum normalisation against a
     * plain frame-by-frame istft ({@link RealFft} per frame, squared windows summed frame by frame)
     * on arbitrary complex matrices (not only STFTs), including hops longer than the window, rows
     * fewer or more than {@code n_fft/2 + 1}, and clipped lengths.
     */
    @Property(tries = 80)
    void matchesAFrameByFrameReference(@ForAll("referenceSizes") int nFft,
                                       @ForAll @IntRange(min = 1, max = 600) int hopPercent,
                                       @ForAll boolean center,
                                       @ForAll @IntRange(min = 1, max = 40) int frames,
                                       @ForAll @IntRange(min = -3, max = 3) int rowDelta,
                                       @ForAll @IntRange(min = -1, max = 20000) int length,
                                       @ForAll("windows") Window window,
                                       @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        int hop = Math.max(1, nFft * hopPercent / 400);
        StftConfig config = StftConfig.builder().nFft(nFft).hopLength(hop).center(center).window(window).build();
        int rows = Math.max(1, nFft / 2 + 1 + rowDelta);
        ComplexMatrix d = new ComplexMatrix(new Matrix(rows, frames, noise(rows * frames, seed)),
                new Matrix(rows, frames, noise(rows * frames, seed + 1)));
        double[] expected = referenceIstft(d, config, length);
        double[] actual = length < 1 ? InverseStft.compute(d, config) : InverseStft.compute(d, config, length);
        assertEquals(expected.length, actual.length);
        double scale = 1;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertArrayEquals(expected, actual, 1e-9 * scale);
    }

    @Provide
    Arbitrary<Integer> referenceSizes() {
        return Arbitraries.of(2, 4, 16, 64, 256, 2048, 100, 255);
    }

    @Provide
    Arbitrary<Window> windows() {
        return Arbitraries.of(Window.HANN, Window.RECTANGULAR, Window.HAMMING);
    }

    /** librosa's istft written out directly: one irfft per frame, sums of squared windows per frame. */
    private static double[] referenceIstft(ComplexMatrix d, StftConfig config, int length) {
        int nFft = config.nFft();
        int hop = config.hopLength();
        int half = config.center() ? nFft / 2 : 0;
        int frames = d.cols();
        if (length >= 1) {
            long padded = length + 2L * half;
            frames = (int) Math.min(frames, (padded + hop - 1) / hop);
        }
        int outLength = length >= 1 ? length : Math.max(0, nFft + hop * (frames - 1) - 2 * half);
        double[] y = new double[outLength];
        double[] sum = new double[outLength];
        double[] window = config.window().padded(config.winLength(), nFft);
        RealFft fft = RealFft.forSize(nFft);
        double[] re = new double[fft.bins()];
        double[] im = new double[fft.bins()];
        double[] frame = new double[nFft];
        for (int t = 0; t < frames; t++) {
            for (int k = 0; k < fft.bins(); k++) {
                re[k] = k < d.rows() ? d.re().get(k, t) : 0.0;
                im[k] = k < d.rows() ? d.im().get(k, t) : 0.0;
            }
            fft.inverse(re, im, frame, 0);
            for (int i = 0; i < nFft; i++) {
                int j = t * hop - half + i;
                if (j >= 0 && j < outLength) {
                    y[j] += window[i] * frame[i];
                    sum[j] += window[i] * window[i];
                }
            }
        }
        for (int j = 0; j < outLength; j++) {
            if (sum[j] > Double.MIN_NORMAL) {
                y[j] /= sum[j];
            }
        }
        return y;
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
