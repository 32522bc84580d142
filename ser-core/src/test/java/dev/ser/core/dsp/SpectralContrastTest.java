package dev.ser.core.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Spectral contrast invariants. */
class SpectralContrastTest {
    @Provide
    Arbitrary<Integer> sampleRates() {
        return Arbitraries.of(16000, 22050, 44100, 48000);
    }

    private static Matrix randomMagnitude(long seed, int bins, int frames) {
        Random r = new Random(seed);
        Matrix s = new Matrix(bins, frames);
        for (int i = 0; i < s.data().length; i++) {
            s.data()[i] = Math.abs(r.nextGaussian()) * Math.pow(10, r.nextDouble() * 4 - 2);
        }
        return s;
    }

    @Property(tries = 40)
    void peakIsNeverBelowValley(@ForAll("sampleRates") int sr, @ForAll @IntRange(min = 1, max = 6) int nBands,
                                @ForAll @DoubleRange(min = 0.01, max = 0.5) double quantile, @ForAll long seed) {
        ContrastConfig linear = ContrastConfig.builder().nBands(nBands).quantile(quantile).linear(true).build();
        Matrix s = randomMagnitude(seed, 1025, 5);
        Matrix c = SpectralContrast.compute(s, sr, linear);
        assertEquals(nBands + 1, c.rows());
        assertEquals(5, c.cols());
        for (double v : c.data()) {
            assertTrue(v >= 0, "peak below valley: " + v);
        }
        Matrix db = SpectralContrast.compute(s, sr, linear.toBuilder().linear(false).build());
        for (double v : db.data()) {
            assertTrue(v >= 0, "dB contrast negative: " + v);
        }
    }

    @Property(tries = 30)
    void flatSpectrumHasNoContrast(@ForAll("sampleRates") int sr,
                                   @ForAll @DoubleRange(min = -3, max = 3) double logLevel) {
        double level = Math.pow(10, logLevel);
        Matrix s = new Matrix(1025, 4);
        Arrays.fill(s.data(), level);
        for (double v : SpectralContrast.compute(s, sr).data()) {
            assertEquals(0.0, v, 1e-12);
        }
    }

    @Property(tries = 30)
    void frameOrderDoesNotMatter(@ForAll("sampleRates") int sr, @ForAll long seed) {
        // each frame is independent except for the shared top_db floor; reversing frames reverses the output
        Matrix s = randomMagnitude(seed, 513, 6);
        Matrix reversed = new Matrix(513, 6);
        for (int k = 0; k < 513; k++) {
            for (int t = 0; t < 6; t++) {
                reversed.set(k, 5 - t, s.get(k, t));
            }
        }
        Matrix a = SpectralContrast.compute(s, sr);
        Matrix b = SpectralContrast.compute(reversed, sr);
        for (int k = 0; k < a.rows(); k++) {
            for (int t = 0; t < 6; t++) {
                assertEquals(a.get(k, t), b.get(k, 5 - t), 0.0);
            }
        }
    }

    @Property(tries = 30)
    void framesAreComputedIndependentlyOfTiling(@ForAll("sampleRates") int sr,
                                                @ForAll @IntRange(min = 1, max = 40) int frames,
                                                @ForAll @DoubleRange(min = 0.01, max = 0.3) double quantile,
                                                @ForAll long seed) {
        // frames are processed in transposed tiles: any frame's contrast must equal its contrast alone
        ContrastConfig linear = ContrastConfig.builder().quantile(quantile).linear(true).build();
        SpectralContrast contrast = SpectralContrast.create(sr, 1024, linear);
        Matrix s = randomMagnitude(seed, 513, frames);
        Matrix all = contrast.apply(s);
        for (int t = 0; t < frames; t++) {
            Matrix one = new Matrix(513, 1);
            for (int k = 0; k < 513; k++) {
                one.set(k, 0, s.get(k, t));
            }
            Matrix alone = contrast.apply(one);
            for (int b = 0; b < all.rows(); b++) {
                assertEquals(alone.get(b, 0), all.get(b, t), 0.0);
            }
        }
    }

    @Test
    void signalEntryPointMatchesSpectrogramEntryPoint() {
        double[] y = new double[8000];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(0.05 * i) + 0.1 * Math.sin(0.9 * i);
        }
        StftConfig stft = StftConfig.builder().nFft(1024).build();
        Matrix viaSignal = SpectralContrast.compute(y, 16000, stft, ContrastConfig.DEFAULT);
        Matrix viaMagnitude = SpectralContrast.create(16000, 1024, ContrastConfig.DEFAULT)
                .apply(Stft.magnitude(y, stft));
        assertArrayEquals(viaMagnitude.data(), viaSignal.data(), 0.0);
    }

    @Test
    void refusesBadParameters() {
        assertThrows(SpectralParameterException.class, () -> ContrastConfig.builder().quantile(1.0).build());
        assertThrows(SpectralParameterException.class, () -> ContrastConfig.builder().fMin(0).build());
        assertThrows(SpectralParameterException.class, () -> ContrastConfig.builder().nBands(0).build());
        SpectralContrast contrast = SpectralContrast.create(16000, 2048, ContrastConfig.DEFAULT);
        assertThrows(SpectralParameterException.class, () -> contrast.apply(new Matrix(513, 2)));
        // 16-point FFT at 16 kHz: 1 kHz bins leave the 200-400 Hz band empty
        assertThrows(SpectralParameterException.class,
                () -> SpectralContrast.create(16000, 16, ContrastConfig.DEFAULT));
    }
}
