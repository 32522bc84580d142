package dev.ser.core.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** Entry points and linearity of the mel spectrogram. */
class MelSpectrogramTest {
    private static double[] signal(int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 0.4 * Math.sin(0.031 * i) + 0.2 * Math.sin(0.0007 * (double) i * i);
        }
        return y;
    }

    @Test
    void entryPointsAgree() {
        double[] y = signal(9000);
        MelSpectrogram mel = MelSpectrogram.create(22050, StftConfig.DEFAULT, MelConfig.DEFAULT);
        Matrix a = mel.compute(y);
        assertEquals(128, a.rows());
        assertEquals(StftConfig.DEFAULT.frameCount(y.length), a.cols());
        assertArrayEquals(a.data(), MelSpectrogram.compute(y, 22050).data(), 0.0);
        assertArrayEquals(a.data(), mel.fromStft(Stft.compute(y, StftConfig.DEFAULT)).data(), 0.0);
        assertArrayEquals(a.data(), mel.fromSpectrogram(Stft.power(y, StftConfig.DEFAULT)).data(), 0.0);
        assertArrayEquals(a.data(),
                MelSpectrogram.fromSpectrogram(Stft.power(y, StftConfig.DEFAULT), 22050, MelConfig.DEFAULT).data(), 0.0);
    }

    @Test
    void powerOneUsesTheMagnitude() {
        double[] y = signal(5000);
        MelConfig magnitude = MelConfig.builder().power(1.0).build();
        Matrix a = MelSpectrogram.compute(y, 16000, StftConfig.DEFAULT, magnitude);
        Matrix b = MelFilterBank.create(16000, 2048, magnitude).apply(Stft.magnitude(y, StftConfig.DEFAULT));
        assertArrayEquals(b.data(), a.data(), 0.0);
    }

    @Property(tries = 20)
    void isLinearInTheSpectrogram(@ForAll @DoubleRange(min = -3, max = 3) double logGain) {
        double gain = Math.pow(10, logGain);
        Matrix s = Stft.power(signal(4000), StftConfig.DEFAULT);
        Matrix scaled = s.copy();
        for (int i = 0; i < scaled.data().length; i++) {
            scaled.data()[i] *= gain;
        }
        MelFilterBank bank = MelFilterBank.create(22050, 2048, MelConfig.DEFAULT);
        double[] a = bank.apply(s).data();
        double[] b = bank.apply(scaled).data();
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i] * gain, b[i], 1e-12 * Math.abs(a[i] * gain) + 1e-300);
        }
    }
}
