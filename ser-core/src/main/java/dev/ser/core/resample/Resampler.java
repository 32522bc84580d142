package dev.ser.core.resample;

import dev.ser.core.audio.AudioSignal;
import java.util.Arrays;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sample-rate conversion between any two positive integer rates, with the semantics of librosa
 * 0.11.0's {@code librosa.resample(y, orig_sr=..., target_sr=..., res_type=..., fix=..., scale=...)}.
 *
 * <p>The filters are designed once per reduced ratio {@code up/down = target/source} and mode and
 * cached (see {@link #kernel(int, int, ResampleMode)}); all methods are thread-safe.
 */
public final class Resampler {
    private static final Logger LOG = LoggerFactory.getLogger(Resampler.class);
    private static final KernelCache CACHE = new KernelCache();
    /** Largest array length the JVM reliably allocates. */
    private static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private Resampler() {
    }

    /**
     * Resamples with librosa's defaults ({@link ResampleOptions#DEFAULT}: high quality, fixed
     * length, unscaled).
     *
     * @see #resample(double[], int, int, ResampleOptions)
     */
    public static double[] resample(double[] y, int origSr, int targetSr) {
        return resample(y, origSr, targetSr, ResampleOptions.DEFAULT);
    }

    /**
     * Resamples {@code y} from {@code origSr} Hz to {@code targetSr} Hz.
     *
     * <p>Equal rates return a copy of {@code y} unchanged (librosa returns the input as is, without
     * scaling). Otherwise the output starts at the same instant as the input (no filter delay),
     * has {@link #outputLength(int, int, int)} samples when {@code options.fix()} (the filter's own
     * {@code ceil(n * up / down)} otherwise) and is divided by {@code sqrt(targetSr / origSr)} when
     * {@code options.scale()}.
     *
     * @param y        mono samples at {@code origSr}, all finite (not modified)
     * @param origSr   source rate in Hz, positive
     * @param targetSr target rate in Hz, positive
     * @param options  filter and flags
     * @return a new array at {@code targetSr}
     * @throws IllegalArgumentException if a rate is not positive or a sample is not finite
     */
    public static double[] resample(double[] y, int origSr, int targetSr, ResampleOptions options) {
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(options, "options");
        checkRate("source", origSr);
        checkRate("target", targetSr);
        checkFinite(y);
        if (origSr == targetSr) {
            return y.clone();
        }
        int fixedLength = outputLength(y.length, origSr, targetSr);
        ResamplingKernel kernel = kernel(origSr, targetSr, options.mode());
        double[] out = kernel.apply(y, kernel.naturalLength(y.length));
        if (options.fix() && out.length != fixedLength) {
            out = Arrays.copyOf(out, fixedLength);
        }
        if (options.scale()) {
            double divisor = Math.sqrt((double) targetSr / origSr);
            for (int i = 0; i < out.length; i++) {
                out[i] /= divisor;
            }
        }
        return out;
    }

    /** Resamples a signal with librosa's defaults; see {@link #resample(AudioSignal, int, ResampleOptions)}. */
    public static AudioSignal resample(AudioSignal signal, int targetSr) {
        return resample(signal, targetSr, ResampleOptions.DEFAULT);
    }

    /**
     * Resamples a signal to {@code targetSr}.
     *
     * @return a new signal at {@code targetSr} (the same samples, copied, when the rate already matches)
     */
    public static AudioSignal resample(AudioSignal signal, int targetSr, ResampleOptions options) {
        Objects.requireNonNull(signal, "signal");
        double[] out = resample(signal.samplesView(), signal.sampleRate(), targetSr, options);
        return AudioSignal.wrap(out, targetSr);
    }

    /**
     * librosa's output length, {@code int(np.ceil(n * (target / source)))} evaluated in double
     * precision exactly as librosa does (so it can exceed the exact rational ceiling by one when
     * the product rounds up; the extra sample is then a zero).
     *
     * @throws IllegalArgumentException if the result would not fit in an array
     */
    public static int outputLength(int inputLength, int origSr, int targetSr) {
        if (inputLength < 0) {
            throw new IllegalArgumentException("input length must not be negative, got " + inputLength);
        }
        checkRate("source", origSr);
        checkRate("target", targetSr);
        double ratio = (double) targetSr / origSr;
        double length = Math.ceil(inputLength * ratio);
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%d samples at %d Hz would resample to %.0f samples at %d Hz, more than an array holds",
                    inputLength, origSr, length, targetSr));
        }
        return (int) length;
    }

    /**
     * The precomputed filter for a rate pair and mode, designed on first use and cached (the
     * cache holds a bounded number of pairs). Rates are reduced by their greatest common divisor,
     * so 48000 to 16000 and 3 to 1 share one kernel.
     *
     * @throws IllegalArgumentException if a rate is not positive or the rates are equal
     */
    public static ResamplingKernel kernel(int origSr, int targetSr, ResampleMode mode) {
        checkRate("source", origSr);
        checkRate("target", targetSr);
        Objects.requireNonNull(mode, "mode");
        if (origSr == targetSr) {
            throw new IllegalArgumentException("no kernel for equal rates (" + origSr + " Hz)");
        }
        int g = gcd(origSr, targetSr);
        int up = targetSr / g;
        int down = origSr / g;
        return CACHE.get(up, down, mode, () -> design(up, down, mode));
    }

    private static ResamplingKernel design(int up, int down, ResampleMode mode) {
        long start = System.nanoTime();
        ResamplingKernel kernel = switch (mode) {
            case POLYPHASE -> KernelDesign.polyphase(up, down);
            case HIGH_QUALITY -> KernelDesign.highQuality(up, down);
        };
        LOG.debug("designed {} kernel for ratio {}/{} in {} ms", mode, up, down, (System.nanoTime() - start) / 1_000_000);
        return kernel;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    private static void checkRate(String which, int rate) {
        if (rate <= 0) {
            throw new IllegalArgumentException(which + " sample rate must be positive, got " + rate);
        }
    }

    private static void checkFinite(double[] y) {
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("audio buffer is not finite everywhere: sample " + i + " is " + y[i]);
            }
        }
    }
}
