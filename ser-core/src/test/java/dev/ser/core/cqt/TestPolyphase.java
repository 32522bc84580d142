package dev.ser.core.cqt;

/**
 * Test-only stand-in for {@code scipy.signal.resample_poly(y, 1, factor)} (Kaiser-windowed sinc,
 * beta 5, 10 zero crossings per side) scaled by {@code sqrt(factor)}: librosa's
 * {@code res_type='polyphase'} for integer downsampling.
 */
final class TestPolyphase implements Decimator {
    static final TestPolyphase INSTANCE = new TestPolyphase();

    @Override
    public double[] decimate(double[] y, int factor) {
        int halfLen = 10 * factor;
        double[] h = lowPass(2 * halfLen + 1, 1.0 / factor);
        int nOut = (y.length + factor - 1) / factor;
        double[] out = new double[nOut];
        double gain = Math.sqrt(factor);
        for (int k = 0; k < nOut; k++) {
            double s = 0;
            int centre = factor * k + halfLen;
            for (int i = 0; i < h.length; i++) {
                int j = centre - i;
                if (j >= 0 && j < y.length) {
                    s += h[i] * y[j];
                }
            }
            out[k] = s * gain;
        }
        return out;
    }

    private static double[] lowPass(int taps, double cutoff) {
        double[] h = new double[taps];
        double alpha = (taps - 1) / 2.0;
        double sum = 0;
        for (int n = 0; n < taps; n++) {
            double m = n - alpha;
            double x = cutoff * m;
            double sinc = x == 0 ? 1.0 : Math.sin(Math.PI * x) / (Math.PI * x);
            double r = (n - alpha) / alpha;
            double w = i0(5.0 * Math.sqrt(1 - r * r)) / i0(5.0);
            h[n] = cutoff * sinc * w;
            sum += h[n];
        }
        for (int n = 0; n < taps; n++) {
            h[n] /= sum;
        }
        return h;
    }

    private static double i0(double x) {
        double term = 1;
        double sum = 1;
        for (int k = 1; k < 60; k++) {
            term *= (x / 2) * (x / 2) / ((double) k * k);
            sum += term;
        }
        return sum;
    }
}
