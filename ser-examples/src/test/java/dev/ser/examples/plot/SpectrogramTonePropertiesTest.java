package dev.ser.examples.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ser.core.dsp.Matrix;
import dev.ser.core.dsp.Stft;
import dev.ser.core.dsp.StftConfig;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SpectrogramTonePropertiesTest {
    private static final int SR = 16000;
    private static final StftConfig STFT = StftConfig.builder().nFft(1024).build();

    /** Any tone at any image height: the brightest pixel row sits at the tone's frequency. */
    @Property(tries = 25)
    void brightRowIsAtTheToneFrequency(@ForAll @IntRange(min = 150, max = 7500) int hz,
                                       @ForAll @IntRange(min = 200, max = 700) int height) {
        double[] y = new double[SR / 2];
        for (int i = 0; i < y.length; i++) {
            y[i] = 0.25 * Math.sin(2 * Math.PI * hz * i / SR);
        }
        Matrix magnitude = Stft.magnitude(y, STFT);
        PlotStyle style = PlotStyle.builder().size(480, height).build();
        Figure f = Plots.spectrogramFigure(magnitude, SR, STFT.hopLength(), null, style);
        int row = Images.brightestRow(f.image, f.plot);
        double pixelHz = SR / 2.0 / f.plot.height;
        double binHz = (double) SR / STFT.nFft();
        assertEquals(hz, f.yValueAt(row), pixelHz + binHz, "tone " + hz + " Hz at height " + height);
    }
}
