package dev.ser.core.resample;

/**
 * Linear-phase low-pass FIR design by the window method, with the conventions of
 * {@code scipy.signal.firwin(numtaps, cutoff, window=('kaiser', beta))}: the ideal low-pass
 * impulse response {@code c * sinc(c * (n - (N-1)/2))} (cutoff {@code c} relative to Nyquist)
 * times a symmetric Kaiser window, then scaled to unit gain at DC.
 */
public final class FirDesign {
    private FirDesign() {
    }

    /**
     * Designs a windowed-sinc low-pass filter.
     *
     * @param numTaps number of taps, odd or even, at least 1
     * @param cutoff  cutoff frequency relative to Nyquist, in (0, 1)
     * @param beta    Kaiser window shape parameter
     * @return the taps, summing to 1
     */
    public static double[] kaiserLowpass(int numTaps, double cutoff, double beta) {
        if (!(cutoff > 0 && cutoff < 1)) {
            throw new IllegalArgumentException("cutoff must lie in (0, 1) relative to Nyquist, got " + cutoff);
        }
        double[] h = Kaiser.window(numTaps, beta);
        double alpha = 0.5 * (numTaps - 1);
        double sum = 0;
        for (int n = 0; n < numTaps; n++) {
            h[n] *= cutoff * sinc(cutoff * (n - alpha));
            sum += h[n];
        }
        for (int n = 0; n < numTaps; n++) {
            h[n] /= sum;
        }
        return h;
    }

    /** The normalised sinc {@code sin(pi x) / (pi x)}, 1 at 0. */
    public static double sinc(double x) {
        if (x == 0.0) {
            return 1.0;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }
}
