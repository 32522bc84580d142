package dev.ser.examples.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class ColorMapTest {

    @Test
    void perceptualMapRisesInLightnessAtNearlyEvenSteps() {
        ColorMap map = ColorMap.PERCEPTUAL;
        double first = Srgb.lightness(map.rgbAt(0));
        double last = Srgb.lightness(map.rgbAt(ColorMap.SIZE - 1));
        assertTrue(first < 22 && last > 88, "lightness from " + first + " to " + last);
        double minStep = Double.MAX_VALUE;
        double maxStep = 0;
        for (int i = 1; i < ColorMap.SIZE; i++) {
            double step = Srgb.lightness(map.rgbAt(i)) - Srgb.lightness(map.rgbAt(i - 1));
            assertTrue(step > 0, "lightness must rise strictly, entry " + i);
            minStep = Math.min(minStep, step);
            maxStep = Math.max(maxStep, step);
        }
        // about 0.29 L* per entry on average; no jump that would read as a band
        assertTrue(maxStep < 1.0, "largest lightness step " + maxStep);
    }

    @Test
    void grayscaleIsGreyAndNeverDarkens() {
        int previous = -1;
        for (int i = 0; i < ColorMap.SIZE; i++) {
            int rgb = ColorMap.GRAYSCALE.rgbAt(i);
            assertEquals(rgb >> 16 & 0xFF, rgb & 0xFF);
            assertEquals(rgb >> 8 & 0xFF, rgb & 0xFF);
            assertTrue((rgb & 0xFF) >= previous, "entry " + i);
            previous = rgb & 0xFF;
        }
    }

    @Test
    void colourStepsAreNearlyEvenInLab() {
        // the map is resampled at equal CIE76 steps; 8-bit rounding perturbs them only a little
        double[] steps = new double[ColorMap.SIZE - 1];
        double mean = 0;
        for (int i = 1; i < ColorMap.SIZE; i++) {
            steps[i - 1] = deltaE(ColorMap.PERCEPTUAL.rgbAt(i - 1), ColorMap.PERCEPTUAL.rgbAt(i));
            mean += steps[i - 1] / steps.length;
        }
        for (double step : steps) {
            assertTrue(step < 2.5 * mean, "step " + step + " vs mean " + mean);
        }
        assertTrue(mean > 0.5 && mean < 1.0, "mean step " + mean);
    }

    /** CIE76 colour difference of two sRGB colours, through XYZ. */
    private static double deltaE(int p, int q) {
        double[] a = lab(p);
        double[] b = lab(q);
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }

    private static double[] lab(int rgb) {
        double r = lin(rgb >> 16 & 0xFF);
        double g = lin(rgb >> 8 & 0xFF);
        double b = lin(rgb & 0xFF);
        double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
        return new double[] {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
    }

    private static double lin(int c8) {
        double c = c8 / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        double d = 6.0 / 29.0;
        return t > d * d * d ? Math.cbrt(t) : t / (3 * d * d) + 4.0 / 29.0;
    }

    @Test
    void badAnchorsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ColorMap.fromLab("one", new double[][] {{50, 0, 0}}));
        assertThrows(IllegalArgumentException.class, () -> ColorMap.fromLab("bad", new double[][] {{50, 0}, {60, 0}}));
        assertThrows(IndexOutOfBoundsException.class, () -> ColorMap.PERCEPTUAL.rgbAt(ColorMap.SIZE));
    }

    @Property(tries = 200)
    void rgbIsMonotoneInLightnessAndClamped(@ForAll @DoubleRange(min = -1, max = 2) double a,
                                            @ForAll @DoubleRange(min = -1, max = 2) double b) {
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        ColorMap map = ColorMap.PERCEPTUAL;
        assertTrue(Srgb.lightness(map.rgb(lo)) <= Srgb.lightness(map.rgb(hi)) + 1e-9);
        assertEquals(map.rgb(Math.max(0, Math.min(1, lo))), map.rgb(lo));
    }

    @Test
    void nanMapsToTheLowestColour() {
        assertEquals(ColorMap.PERCEPTUAL.rgbAt(0), ColorMap.PERCEPTUAL.rgb(Double.NaN));
    }
}
