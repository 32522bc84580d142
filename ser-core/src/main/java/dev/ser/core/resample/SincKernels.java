package dev.ser.core.resample;

import java.util.function.DoubleUnaryOperator;

/**
 * The {@link ResampleMode#HIGH_QUALITY} design: band-limited interpolation with a
 * Kaiser-windowed sinc (J. O. Smith's bandlimited interpolation; window parameters from Kaiser's
 * formulas), linear phase and centred on each output instant so that it adds no delay.
 *
 * <p>Frequencies are relative to the Nyquist frequency of the lower of the two rates. The
 * cutoff (-6 dB point) is {@link #CUTOFF}, the transition band {@link #TRANSITION_WIDTH} wide
 * around it (passband end 0.9137, stopband from 1.0), and the Kaiser window and length are
 * Kaiser's formulas for {@link #ATTENUATION_DB} of stopband attenuation. These three numbers are
 * soxr's "HQ" specification (passband to about 0.913, stopband from Nyquist, 20-bit quality)
 * refined by fitting against the {@code soxr_hq} references so that the transition band, where
 * any two such filters differ most, has the same shape.
 */
final class SincKernels {
    /** The -6 dB point, relative to the lower Nyquist. */
    static final double CUTOFF = 0.956871;
    /** Passband end to stopband start, relative to the lower Nyquist. */
    static final double TRANSITION_WIDTH = 0.086379;
    /** Stopband attenuation in dB that sets the Kaiser beta and the filter length. */
    static final double ATTENUATION_DB = 130.16;
    /** Ratios with at most this many phases get an exact table; others are interpolated. */
    static final int MAX_EXACT_PHASES = 1024;
    /** Table rows per input sample for interpolated kernels. */
    static final int INTERPOLATED_PHASES = 1024;

    private SincKernels() {
    }

    static ResamplingKernel design(int up, int down) {
        double rho = Math.min(1.0, (double) up / down);
        double beta = kaiserBeta(ATTENUATION_DB);
        // Kaiser's length estimate, with the transition width in radians per slower-rate sample
        double transition = Math.PI * TRANSITION_WIDTH;
        double span = (ATTENUATION_DB - 7.95) / (2.285 * transition);
        double halfWidth = 0.5 * span / rho;
        double norm = Kaiser.besselI0(beta);
        double bandwidth = rho * CUTOFF;
        DoubleUnaryOperator h = tau -> bandwidth * FirDesign.sinc(bandwidth * tau)
                * Kaiser.at(tau / halfWidth, beta, norm);
        int lead = (int) Math.ceil(halfWidth);
        if (up <= MAX_EXACT_PHASES) {
            return PolyphaseKernel.fromEvenKernel(new EvenKernelGrid(h, up, lead + 1), lead, up, down);
        }
        EvenKernelGrid grid = new EvenKernelGrid(h, INTERPOLATED_PHASES, lead + 1);
        return new InterpolatedKernel(grid, lead, up, down, INTERPOLATED_PHASES);
    }

    /** Kaiser's empirical beta for a stopband attenuation above 50 dB. */
    static double kaiserBeta(double attenuationDb) {
        return 0.1102 * (attenuationDb - 8.7);
    }
}
