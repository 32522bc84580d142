package dev.ser.examples.plot;

import java.util.Objects;

/**
 * A colour map: {@value #SIZE} sRGB colours from low to high values.
 *
 * <p>{@link #PERCEPTUAL} is our own viridis-like map (dark violet, blue, teal, green, yellow). It is
 * computed, not tabulated: a polyline through six anchor colours in CIE L*a*b* whose lightness
 * rises monotonically from 18 to 92, resampled at equal steps of colour difference (CIE76
 * ΔE*ab) so that equal value steps look like equal colour steps, and readable when printed in grey.
 * Each entry is rounded to 8 bits in the direction that keeps lightness increasing.
 * Immutable and thread-safe.
 */
public final class ColorMap {
    /** Number of entries in every table. */
    public static final int SIZE = 256;

    /** Anchors (L*, a*, b*) of {@link #PERCEPTUAL}; lightness strictly increasing. */
    private static final double[][] PERCEPTUAL_ANCHORS = {
        {18, 35, -38}, {35, 18, -45}, {50, -12, -25}, {63, -38, 8}, {76, -52, 45}, {92, -12, 85},
    };

    /** The default map: viridis-like, perceptually uniform, lightness increasing. */
    public static final ColorMap PERCEPTUAL = fromLab("perceptual", PERCEPTUAL_ANCHORS);

    /** Grey levels at equal steps of lightness L* from 10 (near black) to 98 (near white). */
    public static final ColorMap GRAYSCALE = fromLab("grayscale", new double[][] {{10, 0, 0}, {98, 0, 0}});

    private final String name;
    private final int[] table;

    private ColorMap(String name, int[] table) {
        this.name = name;
        this.table = table;
    }

    /**
     * A map through the given CIE L*a*b* (D65) anchors, resampled at equal colour-difference steps;
     * colours outside the sRGB gamut are clipped per channel.
     *
     * @param labAnchors at least two {@code {L*, a*, b*}} triples, low values first
     */
    public static ColorMap fromLab(String name, double[][] labAnchors) {
        Objects.requireNonNull(name, "name");
        if (labAnchors.length < 2) {
            throw new IllegalArgumentException("a colour map needs at least two anchors, got " + labAnchors.length);
        }
        double[] cumulative = new double[labAnchors.length];
        for (int i = 1; i < labAnchors.length; i++) {
            if (labAnchors[i].length != 3 || labAnchors[i - 1].length != 3) {
                throw new IllegalArgumentException("each anchor must be {L*, a*, b*}");
            }
            cumulative[i] = cumulative[i - 1] + distance(labAnchors[i - 1], labAnchors[i]);
        }
        double total = cumulative[cumulative.length - 1];
        int[] table = new int[SIZE];
        int segment = 1;
        for (int k = 0; k < SIZE; k++) {
            double s = total * k / (SIZE - 1);
            while (segment < labAnchors.length - 1 && cumulative[segment] < s) {
                segment++;
            }
            double length = cumulative[segment] - cumulative[segment - 1];
            double t = length == 0 ? 0 : (s - cumulative[segment - 1]) / length;
            double[] a = labAnchors[segment - 1];
            double[] b = labAnchors[segment];
            double[] exact = snapGreys(Srgb.channels(a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]),
                    a[2] + t * (b[2] - a[2])));
            table[k] = k == 0 ? rounded(exact) : brighterThan(exact, Srgb.lightness(table[k - 1]));
        }
        return new ColorMap(name, table);
    }

    /** Makes an achromatic colour exactly grey: the white point's matrix leaves channels unequal in the last digits. */
    private static double[] snapGreys(double[] c) {
        if (Math.abs(c[0] - c[1]) < 1e-3 && Math.abs(c[1] - c[2]) < 1e-3) {
            double mean = (c[0] + c[1] + c[2]) / 3;
            return new double[] {mean, mean, mean};
        }
        return c;
    }

    private static int rounded(double[] c) {
        return Srgb.pack((int) Math.round(c[0]), (int) Math.round(c[1]), (int) Math.round(c[2]));
    }

    /**
     * The 8-bit colour nearest {@code exact} among its floor/ceiling roundings that is lighter
     * than {@code previous}: plain rounding can darken an entry by a fraction of a unit of L*
     * where the map turns in hue, and a colour map read as values must never step backwards.
     * Channels that are equal (greys) are rounded alike so they stay equal; where no rounding is
     * lighter (more entries than 8-bit greys) the plain rounding is kept.
     */
    private static int brighterThan(double[] exact, double previous) {
        int plain = rounded(exact);
        if (Srgb.lightness(plain) > previous) {
            return plain;
        }
        int best = plain;
        double bestError = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < 8; mask++) {
            int[] c = new int[3];
            double error = 0;
            boolean keepsGreys = true;
            for (int ch = 0; ch < 3; ch++) {
                boolean up = (mask >> ch & 1) == 1;
                c[ch] = up ? Math.min(255, (int) Math.ceil(exact[ch])) : (int) Math.floor(exact[ch]);
                error += (c[ch] - exact[ch]) * (c[ch] - exact[ch]);
                int other = (ch + 1) % 3;
                keepsGreys &= exact[ch] != exact[other] || up == ((mask >> other & 1) == 1);
            }
            int rgb = Srgb.pack(c[0], c[1], c[2]);
            if (keepsGreys && Srgb.lightness(rgb) > previous && error < bestError) {
                bestError = error;
                best = rgb;
            }
        }
        return best;
    }

    private static double distance(double[] p, double[] q) {
        double dl = p[0] - q[0];
        double da = p[1] - q[1];
        double db = p[2] - q[2];
        return Math.sqrt(dl * dl + da * da + db * db);
    }

    /** The packed {@code 0xRRGGBB} colour of a fraction {@code t} in [0, 1] (clamped; NaN gives the lowest colour). */
    public int rgb(double t) {
        return table[index(t)];
    }

    /** The table index of a fraction {@code t} in [0, 1], clamped; NaN maps to 0. */
    static int index(double t) {
        if (!(t > 0)) {
            return 0;
        }
        return t >= 1 ? SIZE - 1 : (int) Math.round(t * (SIZE - 1));
    }

    /** The packed {@code 0xRRGGBB} colour of table entry {@code i} in [0, {@value #SIZE}). */
    public int rgbAt(int i) {
        return table[Objects.checkIndex(i, SIZE)];
    }

    /** The shared table (never modified); package-private so renderers can index it directly. */
    int[] table() {
        return table;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "ColorMap[" + name + "]";
    }
}
