package dev.ser.core.dsp;

/**
 * Median-filtering harmonic/percussive separation (Fitzgerald 2010), as
 * {@code librosa.decompose.hpss}.
 *
 * <p>The magnitude spectrogram {@code S} is median-filtered along time (harmonic estimate
 * {@code H}, kernel {@link HpssConfig#harmonicKernel()}) and along frequency (percussive estimate
 * {@code P}, kernel {@link HpssConfig#percussiveKernel()}) with {@link MedianFilter}. The harmonic
 * mask is {@code softmask(H, P * harmonicMargin)}, the percussive one
 * {@code softmask(P, H * percussiveMargin)} ({@link SoftMask}); the components are {@code S} times
 * each mask. For a complex STFT the phase is kept: each component is {@code |D| * mask} times the
 * unit phase {@code D / |D|} (taken as 1 where {@code D = 0}). With both margins 1 and a finite
 * power the two components add up to the input.
 *
 * <p>Stateless and thread-safe.
 */
public final class Hpss {
    private Hpss() {
    }

    /** The harmonic and percussive parts of a magnitude spectrogram. */
    public record Magnitudes(Matrix harmonic, Matrix percussive) {
    }

    /** The harmonic and percussive masks, values in {@code [0, 1]}. */
    public record Masks(Matrix harmonic, Matrix percussive) {
    }

    /** The harmonic and percussive parts of a complex spectrogram. */
    public record Spectra(ComplexMatrix harmonic, ComplexMatrix percussive) {
    }

    /**
     * {@code hpss(S, ...)} on a non-negative magnitude (or power) spectrogram.
     *
     * @throws IllegalArgumentException when the spectrogram has a negative or NaN value
     */
    public static Magnitudes separate(Matrix magnitude, HpssConfig config) {
        Masks masks = masks(magnitude, config);
        return new Magnitudes(times(magnitude, masks.harmonic()), times(magnitude, masks.percussive()));
    }

    /**
     * {@code hpss(D, ...)} on a complex STFT, keeping its phase.
     *
     * @throws IllegalArgumentException when the STFT has a NaN value
     */
    public static Spectra separate(ComplexMatrix stft, HpssConfig config) {
        Matrix magnitude = stft.magnitude();
        Masks masks = masks(magnitude, config);
        return new Spectra(applyWithPhase(stft, magnitude, masks.harmonic()),
                applyWithPhase(stft, magnitude, masks.percussive()));
    }

    /** {@code hpss(D, ...)[0]}: only the harmonic part of a complex STFT (skips the other mask). */
    public static ComplexMatrix harmonic(ComplexMatrix stft, HpssConfig config) {
        return component(stft, stft.magnitude(), config, true);
    }

    /**
     * As {@link #harmonic(ComplexMatrix, HpssConfig)} for a caller that already has the STFT's
     * magnitude ({@code stft.magnitude()}, unmodified), which is then not computed again.
     */
    public static ComplexMatrix harmonic(ComplexMatrix stft, Matrix magnitude, HpssConfig config) {
        if (magnitude.rows() != stft.rows() || magnitude.cols() != stft.cols()) {
            throw new IllegalArgumentException("magnitude is " + magnitude.rows() + " x " + magnitude.cols()
                    + " but the STFT is " + stft.rows() + " x " + stft.cols());
        }
        return component(stft, magnitude, config, true);
    }

    /** {@code hpss(D, ...)[1]}: only the percussive part of a complex STFT. */
    public static ComplexMatrix percussive(ComplexMatrix stft, HpssConfig config) {
        return component(stft, stft.magnitude(), config, false);
    }

    /**
     * {@code hpss(S, ..., mask=True)}: the harmonic and percussive masks, values in {@code [0, 1]}.
     *
     * @param magnitude non-negative magnitude spectrogram (use {@link ComplexMatrix#magnitude()} for
     *                  an STFT)
     * @throws IllegalArgumentException when the spectrogram has a negative or NaN value
     */
    public static Masks masks(Matrix magnitude, HpssConfig config) {
        SoftMask.checkNonNegative(magnitude.data(), "HPSS input spectrogram");
        Matrix harm = MedianFilter.filterRows(magnitude, config.harmonicKernel());
        Matrix perc = MedianFilter.filterColumns(magnitude, config.percussiveKernel());
        return new Masks(mask(harm, perc, config, true), mask(harm, perc, config, false));
    }

    /** One component, its mask applied cell by cell without materialising the mask. */
    private static ComplexMatrix component(ComplexMatrix stft, Matrix magnitude, HpssConfig config,
                                           boolean harmonicPart) {
        Matrix harm = MedianFilter.filterRows(magnitude, config.harmonicKernel());
        Matrix perc = MedianFilter.filterColumns(magnitude, config.percussiveKernel());
        double[] x = (harmonicPart ? harm : perc).data();
        double[] ref = (harmonicPart ? perc : harm).data();
        double margin = harmonicPart ? config.harmonicMargin() : config.percussiveMargin();
        double power = config.power();
        boolean split = config.splitZeros();
        double[] re = stft.re().data();
        double[] im = stft.im().data();
        double[] mag = magnitude.data();
        ComplexMatrix out = new ComplexMatrix(stft.rows(), stft.cols());
        double[] outRe = out.re().data();
        double[] outIm = out.im().data();
        if (power == 2.0) {
            applySquareMask(x, ref, margin, split, re, im, mag, outRe, outIm);
            return out;
        }
        for (int i = 0; i < mag.length; i++) {
            double scaled = mag[i] * SoftMask.value(x[i], ref[i] * margin, power, split);
            setWithPhase(re[i], im[i], mag[i], scaled, outRe, outIm, i);
        }
        return out;
    }

    /**
     * The default {@code power = 2} case of {@link #component}, with the same operations in the
     * same order (so the same bits), arranged for speed: the five divisions per cell dominate, and
     * C2 vectorises them only in branch-free loops. So the general formulas run branch-free over
     * all cells first, and a second pass redoes with the scalar definitions the rare cells where
     * they do not apply: both filtered values below {@link SoftMask#TINY} (the mask is then 0.5 or
     * 0) and {@code |D| = 0} (unit phase).
     */
    private static void applySquareMask(double[] x, double[] ref, double margin, boolean split, double[] re,
                                        double[] im, double[] mag, double[] outRe, double[] outIm) {
        for (int i = 0; i < mag.length; i++) {
            double xi = x[i];
            double ri = ref[i] * margin;
            double z = Math.max(xi, ri);
            double a = xi / z;
            double b = ri / z;
            double m = a * a;
            double r = b * b;
            outRe[i] = mag[i] * (m / (m + r));
        }
        for (int i = 0; i < mag.length; i++) {
            double scaled = outRe[i];
            outRe[i] = scaled * (re[i] / mag[i]);
            outIm[i] = scaled * (im[i] / mag[i]);
        }
        for (int i = 0; i < mag.length; i++) {
            double ri = ref[i] * margin;
            if (mag[i] == 0 || x[i] < SoftMask.TINY && ri < SoftMask.TINY) {
                double scaled = mag[i] * SoftMask.value(x[i], ri, 2.0, split);
                setWithPhase(re[i], im[i], mag[i], scaled, outRe, outIm, i);
            }
        }
    }

    /** The harmonic ({@code harmonicPart}) or percussive mask from the two filtered spectra. */
    private static Matrix mask(Matrix harm, Matrix perc, HpssConfig config, boolean harmonicPart) {
        Matrix out = new Matrix(harm.rows(), harm.cols());
        if (harmonicPart) {
            SoftMask.fill(harm.data(), perc.data(), config.harmonicMargin(), config.power(),
                    config.splitZeros(), out.data());
        } else {
            SoftMask.fill(perc.data(), harm.data(), config.percussiveMargin(), config.power(),
                    config.splitZeros(), out.data());
        }
        return out;
    }

    private static Matrix times(Matrix a, Matrix b) {
        double[] x = a.data();
        double[] y = b.data();
        double[] out = new double[x.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = x[i] * y[i];
        }
        return new Matrix(a.rows(), a.cols(), out);
    }

    /**
     * {@code (|D| * mask) * phase} with {@code phase = D / |D|}, or 1 where {@code |D| = 0}, the
     * same order of operations as librosa so rounding agrees.
     */
    private static void setWithPhase(double re, double im, double mag, double scaled, double[] outRe,
                                     double[] outIm, int i) {
        if (mag == 0) {
            outRe[i] = scaled;
            outIm[i] = 0;
        } else {
            outRe[i] = scaled * (re / mag);
            outIm[i] = scaled * (im / mag);
        }
    }

    /** Applies a materialised mask to a complex STFT, keeping its phase. */
    private static ComplexMatrix applyWithPhase(ComplexMatrix stft, Matrix magnitude, Matrix mask) {
        double[] re = stft.re().data();
        double[] im = stft.im().data();
        double[] mag = magnitude.data();
        double[] m = mask.data();
        ComplexMatrix out = new ComplexMatrix(stft.rows(), stft.cols());
        double[] outRe = out.re().data();
        double[] outIm = out.im().data();
        for (int i = 0; i < mag.length; i++) {
            setWithPhase(re[i], im[i], mag[i], mag[i] * m[i], outRe, outIm, i);
        }
        return out;
    }
}
