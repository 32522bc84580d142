package dev.ser.core.dsp;

/**
 * Frequency and pitch conversions shared by the chroma and tuning code, each matching the librosa
 * 0.11.0 function named in its documentation, including the order of floating-point operations
 * where that decides a value that is later compared against a bin edge.
 *
 * <p>Stateless and thread-safe.
 */
public final class PitchConversions {
    /** The reference pitch A4 in Hz at tuning 0. */
    public static final double A440 = 440.0;

    private static final double LN_2 = Math.log(2.0);

    private PitchConversions() {
    }

    /**
     * Base-2 logarithm. The binary exponent is taken exactly and only the mantissa goes through
     * {@link Math#log}, so exact powers of two give exact integers (as C's {@code log2} does, which
     * numpy uses) and other values are within about one ulp of it.
     */
    public static double log2(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            return Math.log(x) / LN_2; // NaN, -Infinity or +Infinity, as log2 gives
        }
        int exponent = Math.getExponent(x);
        if (exponent < Double.MIN_EXPONENT) { // subnormal: rescale into the normal range first
            return log2(x * 0x1p64) - 64;
        }
        double mantissa = Math.scalb(x, -exponent); // in [1, 2)
        if (mantissa > Math.sqrt(2.0)) { // keep the logarithm's argument near 1, where it is most accurate
            mantissa *= 0.5;
            exponent++;
        }
        return exponent + Math.log(mantissa) / LN_2;
    }

    /**
     * {@code librosa.hz_to_octs(frequency, tuning=tuning, bins_per_octave=binsPerOctave)}: octaves
     * above C0-ish, counted from {@code A440 / 16} (27.5 Hz at tuning 0), with A440 shifted by
     * {@code tuning} fractions of a bin.
     *
     * @param frequency     frequency in Hz
     * @param tuning        tuning deviation in fractions of a bin (0 for A440 = 440 Hz)
     * @param binsPerOctave bins per octave the tuning is measured in
     */
    public static double hzToOctaves(double frequency, double tuning, int binsPerOctave) {
        return log2(frequency / (referenceA440(tuning, binsPerOctave) / 16));
    }

    /** {@code 440 * 2^(tuning / binsPerOctave)}: the tuned A4 in Hz. */
    public static double referenceA440(double tuning, int binsPerOctave) {
        return A440 * Math.pow(2.0, tuning / binsPerOctave);
    }

    /**
     * {@code librosa.fft_frequencies(sr=sampleRate, n_fft=nFft)}: the centre frequency in Hz of
     * each of the {@code 1 + nFft / 2} rfft bins, computed as numpy's {@code rfftfreq} does
     * ({@code k * (1 / (nFft * (1 / sampleRate)))}), which can differ in the last bit from
     * {@code k * sampleRate / nFft}.
     */
    public static double[] fftFrequencies(double sampleRate, int nFft) {
        double step = 1.0 / (nFft * (1.0 / sampleRate));
        double[] out = new double[nFft / 2 + 1];
        for (int k = 0; k < out.length; k++) {
            out[k] = k * step;
        }
        return out;
    }

    /**
     * Python's (and numpy's) floating-point modulo: the result has the sign of {@code divisor}, so
     * {@code floorMod(-0.25, 1.0) == 0.75}. Java's {@code %} keeps the sign of the dividend.
     */
    public static double floorMod(double value, double divisor) {
        if (value >= 0 && value < 0x1p31 && divisor >= 1 && divisor == Math.rint(divisor)) {
            return nonNegativeMod(value, divisor);
        }
        double mod = value % divisor;
        if (mod != 0) {
            if ((divisor < 0) != (mod < 0)) {
                mod += divisor;
            }
        } else {
            mod = Math.copySign(0.0, divisor);
        }
        return mod;
    }

    /**
     * {@code value % divisor} for a value in {@code [0, 2^31)} and a whole divisor, without Java's
     * slow floating-point remainder: the quotient is floored (and corrected where the division
     * rounded up to the next integer); {@code quotient * divisor} is an exactly representable
     * integer and the subtraction is exact by Sterbenz's lemma, so the result is the exact
     * remainder, the same bits as {@code %}.
     */
    private static double nonNegativeMod(double value, double divisor) {
        double quotient = Math.floor(value / divisor);
        double mod = value - quotient * divisor;
        if (mod < 0) {
            mod += divisor;
        } else if (mod >= divisor) {
            mod -= divisor;
        }
        return mod;
    }
}
