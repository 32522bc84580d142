package dev.ser.examples.plot;

/** Colour-space conversions between CIE L*a*b* (D65 white) and 8-bit sRGB. */
final class Srgb {
    /** D65 reference white, Y = 1. */
    private static final double XN = 0.95047;
    private static final double ZN = 1.08883;
    private static final double DELTA = 6.0 / 29.0;

    private Srgb() {
    }

    /** The packed {@code 0xRRGGBB} colour of an L*a*b* colour, each channel clipped to the gamut. */
    static int fromLab(double l, double a, double b) {
        double[] c = channels(l, a, b);
        return pack((int) Math.round(c[0]), (int) Math.round(c[1]), (int) Math.round(c[2]));
    }

    /** The sRGB channels (0 to 255, not rounded, clipped to the gamut) of an L*a*b* colour. */
    static double[] channels(double l, double a, double b) {
        double fy = (l + 16) / 116;
        double x = XN * inverseF(fy + a / 500);
        double y = inverseF(fy);
        double z = ZN * inverseF(fy - b / 200);
        double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
        double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
        double bl = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
        return new double[] {channel(r), channel(g), channel(bl)};
    }

    static int pack(int r, int g, int b) {
        return r << 16 | g << 8 | b;
    }

    /** Relative luminance Y (0..1) of a packed sRGB colour. */
    static double luminance(int rgb) {
        return 0.2126729 * linear(rgb >> 16 & 0xFF) + 0.7151522 * linear(rgb >> 8 & 0xFF)
                + 0.0721750 * linear(rgb & 0xFF);
    }

    /** CIE lightness L* (0..100) of a packed sRGB colour. */
    static double lightness(int rgb) {
        double y = luminance(rgb);
        double f = y > DELTA * DELTA * DELTA ? Math.cbrt(y) : y / (3 * DELTA * DELTA) + 4.0 / 29.0;
        return 116 * f - 16;
    }

    private static double inverseF(double t) {
        return t > DELTA ? t * t * t : 3 * DELTA * DELTA * (t - 4.0 / 29.0);
    }

    private static double linear(int c8) {
        double c = c8 / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double channel(double linear) {
        double c = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
        return Math.min(1, Math.max(0, c)) * 255;
    }
}
