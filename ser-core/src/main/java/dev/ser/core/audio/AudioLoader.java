package dev.ser.core.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads audio the way {@code librosa.load} does: decode, cut {@code [offset, offset + duration)}, mix to
 * mono, resample.
 *
 * <p>Offsets and durations are converted to frames with truncation at the native rate
 * ({@code int(offset * sr_native)}, {@code int(duration * sr_native)}), before mixing and resampling,
 * as librosa does. A duration running past the end reads to the end.
 *
 * <p><b>Resampling hook.</b> librosa resamples to 22050 Hz unless told {@code sr=None}. This loader
 * keeps the native rate by default ({@link Options#targetSampleRate()} {@code == 0}); a target rate is
 * applied by the high-quality resampler of {@code dev.ser.core.resample} unless another {@link Resampler}
 * is given to {@link #AudioLoader(Options, Resampler)}; loading with a target rate and a {@code null}
 * resampler throws {@link IllegalStateException}.
 */
public final class AudioLoader {

    /**
     * Converts a mono signal from one rate to another. The resampler library plugs in here; the loader
     * only calls it when the native rate differs from the target.
     */
    @FunctionalInterface
    public interface Resampler {
        /**
         * @param samples  the input samples (must not be modified)
         * @param fromRate the input rate in Hz
         * @param toRate   the output rate in Hz
         * @return the resampled samples
         */
        double[] resample(double[] samples, int fromRate, int toRate);
    }

    /**
     * Loading options.
     *
     * @param mono             mix all channels down by averaging (librosa {@code mono=True}); default
     *                         {@code true}. {@link #load} always returns mono; this flag matters for
     *                         {@link #loadChannels}
     * @param offsetSeconds    start reading this many seconds in; default 0
     * @param durationSeconds  read at most this many seconds; default {@code +inf} (to the end)
     * @param targetSampleRate resample to this rate in Hz; default 0 = keep the native rate (librosa
     *                         {@code sr=None}). Needs a {@link Resampler}
     * @param nonFinite        what to do with NaN/infinite float samples; default
     *                         {@link NonFinitePolicy#REJECT} (librosa passes them through, which
     *                         silently turns every feature of the file into NaN)
     */
    public record Options(boolean mono, double offsetSeconds, double durationSeconds, int targetSampleRate,
                          NonFinitePolicy nonFinite) {
        public Options {
            if (!(offsetSeconds >= 0) || Double.isInfinite(offsetSeconds)) {
                throw new IllegalArgumentException("offset must be finite and >= 0 s, got " + offsetSeconds);
            }
            if (!(durationSeconds >= 0)) {
                throw new IllegalArgumentException("duration must be >= 0 s, got " + durationSeconds);
            }
            if (targetSampleRate < 0) {
                throw new IllegalArgumentException("target sample rate must be >= 0 Hz (0 = native), got "
                        + targetSampleRate);
            }
            Objects.requireNonNull(nonFinite, "nonFinite");
        }

        /** The defaults: mono, whole file, native rate, reject NaN. */
        public static Options defaults() {
            return builder().build();
        }

        public static Builder builder() {
            return new Builder();
        }

        public Builder toBuilder() {
            return new Builder().mono(mono).offsetSeconds(offsetSeconds).durationSeconds(durationSeconds)
                    .targetSampleRate(targetSampleRate).nonFinite(nonFinite);
        }

        /** Builder for {@link Options}. */
        public static final class Builder {
            private boolean mono = true;
            private double offsetSeconds;
            private double durationSeconds = Double.POSITIVE_INFINITY;
            private int targetSampleRate;
            private NonFinitePolicy nonFinite = NonFinitePolicy.REJECT;

            private Builder() {
            }

            /** @see Options#mono() */
            public Builder mono(boolean mono) {
                this.mono = mono;
                return this;
            }

            /** @see Options#offsetSeconds() */
            public Builder offsetSeconds(double seconds) {
                this.offsetSeconds = seconds;
                return this;
            }

            /** @see Options#durationSeconds() */
            public Builder durationSeconds(double seconds) {
                this.durationSeconds = seconds;
                return this;
            }

            /** @see Options#targetSampleRate() */
            public Builder targetSampleRate(int hz) {
                this.targetSampleRate = hz;
                return this;
            }

            /** @see Options#nonFinite() */
            public Builder nonFinite(NonFinitePolicy policy) {
                this.nonFinite = policy;
                return this;
            }

            public Options build() {
                return new Options(mono, offsetSeconds, durationSeconds, targetSampleRate, nonFinite);
            }
        }
    }

    private final Options options;
    private final Resampler resampler;
    private final AudioDecoder decoder;

    /**
     * A loader that resamples with the library's high-quality resampler
     * ({@link dev.ser.core.resample.ResampleMode#HIGH_QUALITY}, the stand-in for librosa's default
     * {@code soxr_hq}) when a target rate is set, like {@code librosa.load(path, sr=...)}.
     */
    public AudioLoader(Options options) {
        this(options, dev.ser.core.resample.Resampler::resample);
    }

    /**
     * @param options   the loading options
     * @param resampler converts between rates when the target rate differs from the native one; may be
     *                  {@code null} when no target rate is set
     */
    public AudioLoader(Options options, Resampler resampler) {
        this.options = Objects.requireNonNull(options, "options");
        this.resampler = resampler;
        this.decoder = new AudioDecoder(DecodeOptions.builder().nonFinite(options.nonFinite()).build());
    }

    /** The options of this loader. */
    public Options options() {
        return options;
    }

    /**
     * Loads a file as a mono signal (channels averaged whatever {@link Options#mono()} says).
     *
     * @throws AudioFormatException     if the file cannot be decoded
     * @throws IllegalArgumentException if the offset lies beyond the end of the file
     * @throws IllegalStateException    if a target rate is set, differs from the file's and there is no
     *                                  resampler
     */
    public AudioSignal load(Path file) throws IOException {
        return process(decoder.read(file));
    }

    /** Loads bytes held in memory as a mono signal. @see #load(Path) */
    public AudioSignal load(byte[] bytes, String sourceName) throws IOException {
        return process(decoder.read(bytes, sourceName));
    }

    /** Loads a stream (read to its end, not closed) as a mono signal. @see #load(Path) */
    public AudioSignal load(java.io.InputStream stream, String sourceName) throws IOException {
        return process(decoder.read(stream, sourceName));
    }

    /**
     * Loads a file keeping its channels unless {@link Options#mono()} is set (then one channel).
     * Resampling, if requested, is applied to each channel.
     */
    public DecodedAudio loadChannels(Path file) throws IOException {
        return processChannels(decoder.read(file));
    }

    /** Loads bytes held in memory keeping the channels. @see #loadChannels(Path) */
    public DecodedAudio loadChannels(byte[] bytes, String sourceName) throws IOException {
        return processChannels(decoder.read(bytes, sourceName));
    }

    /** Applies offset, duration, optional mono mixing and resampling to decoded audio, keeping channels. */
    public DecodedAudio processChannels(DecodedAudio decoded) {
        DecodedAudio audio = cut(decoded);
        if (options.mono() && audio.channelCount() > 1) {
            AudioSignal mono = audio.toMono();
            audio = new DecodedAudio(new double[][] {mono.samplesView()}, mono.sampleRate(), audio.format());
        }
        int target = targetRate(audio.sampleRate());
        if (target == audio.sampleRate()) {
            return audio;
        }
        double[][] channels = new double[audio.channelCount()][];
        for (int c = 0; c < channels.length; c++) {
            channels[c] = resampler.resample(audio.channelView(c), audio.sampleRate(), target);
        }
        return new DecodedAudio(channels, target, audio.format());
    }

    /** Applies offset, duration, mono mixing and resampling to already decoded audio. */
    public AudioSignal process(DecodedAudio audio) {
        AudioSignal mono = cut(audio).toMono();
        int target = targetRate(mono.sampleRate());
        if (target == mono.sampleRate()) {
            return mono;
        }
        return AudioSignal.wrap(resampler.resample(mono.samplesView(), mono.sampleRate(), target), target);
    }

    private DecodedAudio cut(DecodedAudio audio) {
        int rate = audio.sampleRate();
        long start = (long) (options.offsetSeconds() * rate);
        if (start > audio.frames()) {
            throw new IllegalArgumentException("offset " + options.offsetSeconds() + " s lies beyond the end ("
                    + audio.durationSeconds() + " s)");
        }
        double wanted = Math.floor(options.durationSeconds() * rate);
        long end = wanted >= audio.frames() - start ? audio.frames() : start + (long) wanted;
        return audio.slice((int) start, (int) end);
    }

    private int targetRate(int nativeRate) {
        int target = options.targetSampleRate();
        if (target == 0 || target == nativeRate) {
            return nativeRate;
        }
        if (resampler == null) {
            throw new IllegalStateException("a target rate of " + target + " Hz is set but no resampler was given"
                    + " (native rate " + nativeRate + " Hz)");
        }
        return target;
    }
}
