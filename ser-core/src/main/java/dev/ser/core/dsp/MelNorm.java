package dev.ser.core.dsp;

/**
 * How each mel filter is normalised, librosa's {@code norm} argument of {@code filters.mel}.
 *
 * <ul>
 *   <li>{@link #SLANEY} ({@code norm='slaney'}, the default): each triangle is divided by half its
 *       width in Hz, so every filter has unit area over frequency and the mel spectrogram keeps
 *       roughly constant energy per band;</li>
 *   <li>{@link #NONE} ({@code norm=None}): triangles peak at 1;</li>
 *   <li>{@link #lp(double)} (a number {@code p}): each filter divided by its l<sub>p</sub> norm over
 *       FFT bins ({@code p = Double.POSITIVE_INFINITY} for the maximum).</li>
 * </ul>
 *
 * @param type the kind of normalisation
 * @param p    the norm order for {@link Type#LP}, otherwise NaN
 */
public record MelNorm(Type type, double p) {
    /** The kinds of normalisation. */
    public enum Type { SLANEY, NONE, LP }

    /** {@code norm='slaney'}: unit area per filter (librosa's default). */
    public static final MelNorm SLANEY = new MelNorm(Type.SLANEY, Double.NaN);
    /** {@code norm=None}: triangles with peak 1. */
    public static final MelNorm NONE = new MelNorm(Type.NONE, Double.NaN);

    public MelNorm {
        if (type == null) {
            throw new NullPointerException("type");
        }
        if (type == Type.LP && !(p > 0)) {
            throw new SpectralParameterException("mel filter l_p norm needs p > 0 (or +infinity), got " + p);
        }
    }

    /** Each filter divided by its l<sub>p</sub> norm ({@code p > 0}, or +infinity for max-norm). */
    public static MelNorm lp(double p) {
        return new MelNorm(Type.LP, p);
    }

    @Override
    public String toString() {
        return switch (type) {
            case SLANEY -> "slaney";
            case NONE -> "None";
            case LP -> Double.toString(p);
        };
    }
}
