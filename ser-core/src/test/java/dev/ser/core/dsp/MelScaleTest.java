package dev.ser.core.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Hz/mel conversions and FFT bin frequencies. */
class MelScaleTest {
    @Test
    void knownPoints() {
        // Slaney: linear 200/3 Hz per mel up to 1 kHz = 15 mels, then 27 mels per factor 6.4
        assertEquals(15.0, MelScale.hzToMel(1000.0), 1e-12);
        assertEquals(3.0, MelScale.hzToMel(200.0), 1e-12);
        assertEquals(15.0 + 27.0, MelScale.hzToMel(6400.0), 1e-12);
        assertEquals(6400.0, MelScale.melToHz(42.0), 1e-9);
        // HTK: 2595 log10(1 + f / 700)
        assertEquals(2595.0 * Math.log10(2.0), MelScale.hzToMel(700.0, true), 1e-12);
        assertEquals(1000.0, MelScale.hzToMel(1000.0, true), 0.1); // the HTK scale's anchor, roughly
    }

    @Test
    void fftFrequenciesAreRfftfreq() {
        assertArrayEquals(new double[] {0, 4000, 8000}, Frequencies.fft(16000, 4), 0.0);
        double[] f = Frequencies.fft(22050, 2048);
        assertEquals(1025, f.length);
        assertEquals(11025.0, f[1024], 1e-9);
        assertEquals(22050.0 / 2048, f[1], 1e-12);
        assertEquals(3, Frequencies.fft(10, 5).length); // odd n_fft: 1 + n // 2 bins
    }

    @Property
    void hzMelRoundTrip(@ForAll @DoubleRange(min = 0, max = 100_000) double hz, @ForAll boolean htk) {
        double back = MelScale.melToHz(MelScale.hzToMel(hz, htk), htk);
        assertEquals(hz, back, 1e-9 * Math.max(1, hz));
    }

    @Property
    void melHzRoundTrip(@ForAll @DoubleRange(min = 0, max = 150) double mel) {
        assertEquals(mel, MelScale.hzToMel(MelScale.melToHz(mel)), 1e-11 * Math.max(1, mel));
    }

    @Property
    void melScaleIsIncreasing(@ForAll @DoubleRange(min = 0, max = 50_000) double hz,
                              @ForAll @DoubleRange(min = 0.01, max = 1000) double step, @ForAll boolean htk) {
        assertTrue(MelScale.hzToMel(hz + step, htk) > MelScale.hzToMel(hz, htk));
    }

    @Property
    void melFrequenciesAreEvenlySpacedInMels(@ForAll @IntRange(min = 2, max = 200) int n,
                                             @ForAll @DoubleRange(min = 0, max = 2000) double fMin,
                                             @ForAll @DoubleRange(min = 100, max = 20000) double width,
                                             @ForAll boolean htk) {
        double fMax = fMin + width;
        double[] f = MelScale.melFrequencies(n, fMin, fMax, htk);
        assertEquals(n, f.length);
        assertEquals(fMin, f[0], 1e-9 * fMax);
        assertEquals(fMax, f[n - 1], 1e-9 * fMax);
        double step = (MelScale.hzToMel(fMax, htk) - MelScale.hzToMel(fMin, htk)) / (n - 1);
        for (int i = 1; i < n; i++) {
            assertTrue(f[i] > f[i - 1]);
            assertEquals(step, MelScale.hzToMel(f[i], htk) - MelScale.hzToMel(f[i - 1], htk), 1e-9 * Math.max(1, step));
        }
    }
}
