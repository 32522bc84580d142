package dev.ser.core.dsp;

/**
 * Conversions between Hz and mels, as {@code librosa.hz_to_mel}, {@code librosa.mel_to_hz} and
 * {@code librosa.mel_frequencies}.
 *
 * <p>Two scales: Slaney's (librosa's default, {@code htk=false}) is linear below 1 kHz (200/3 Hz
 * per mel, so 1 kHz is 15 mels) and logarithmic above it (27 mels per factor 6.4);
 * HTK's ({@code htk=true}) is {@code 2595 log10(1 + f / 700)}.
 */
public final class MelScale {
    /** Slaney: Hz per mel in the linear part. */
    private static final double F_SP = 200.0 / 3;
    /** Slaney: start of the logarithmic part, in Hz and in mels. */
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    /** Slaney: natural-log step per mel in the logarithmic part. */
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    private MelScale() {
    }

    /** Frequency {@code hz} (Hz) in mels on the Slaney ({@code htk=false}) or HTK scale. */
    public static double hzToMel(double hz, boolean htk) {
        if (htk) {
            return 2595.0 * Math.log10(1.0 + hz / 700.0);
        }
        if (hz >= MIN_LOG_HZ) {
            return MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP;
        }
        return hz / F_SP;
    }

    /** Slaney-scale {@code hzToMel(hz, false)}. */
    public static double hzToMel(double hz) {
        return hzToMel(hz, false);
    }

    /** Mels {@code mel} in Hz on the Slaney ({@code htk=false}) or HTK scale. */
    public static double melToHz(double mel, boolean htk) {
        if (htk) {
            return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
        }
        if (mel >= MIN_LOG_MEL) {
            return MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL));
        }
        return F_SP * mel;
    }

    /** Slaney-scale {@code melToHz(mel, false)}. */
    public static double melToHz(double mel) {
        return melToHz(mel, false);
    }

    /** Element-wise {@link #hzToMel(double, boolean)} into a new array. */
    public static double[] hzToMel(double[] hz, boolean htk) {
        double[] out = new double[hz.length];
        for (int i = 0; i < hz.length; i++) {
            out[i] = hzToMel(hz[i], htk);
        }
        return out;
    }

    /** Element-wise {@link #melToHz(double, boolean)} into a new array. */
    public static double[] melToHz(double[] mels, boolean htk) {
        double[] out = new double[mels.length];
        for (int i = 0; i < mels.length; i++) {
            out[i] = melToHz(mels[i], htk);
        }
        return out;
    }

    /**
     * {@code n} frequencies in Hz evenly spaced on the mel scale from {@code fMin} to {@code fMax}
     * (both included), as {@code librosa.mel_frequencies(n_mels=n, fmin, fmax, htk)}.
     */
    public static double[] melFrequencies(int n, double fMin, double fMax, boolean htk) {
        if (n < 0) {
            throw new SpectralParameterException("number of mel frequencies must be >= 0, got " + n);
        }
        double[] mels = linspace(hzToMel(fMin, htk), hzToMel(fMax, htk), n);
        for (int i = 0; i < n; i++) {
            mels[i] = melToHz(mels[i], htk);
        }
        return mels;
    }

    /** numpy's {@code linspace(start, stop, n)}: {@code start + i * step}, the last value exactly {@code stop}. */
    private static double[] linspace(double start, double stop, int n) {
        double[] out = new double[n];
        if (n == 1) {
            out[0] = start;
            return out;
        }
        double step = (stop - start) / (n - 1);
        for (int i = 0; i < n; i++) {
            out[i] = i * step + start;
        }
        if (n > 1) {
            out[n - 1] = stop;
        }
        return out;
    }
}
