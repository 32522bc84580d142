package dev.ser.core.audio;

import static dev.ser.core.audio.AudioFormatException.Reason.NON_FINITE_SAMPLES;
import static dev.ser.core.audio.AudioFormatException.Reason.TOO_LARGE;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Decodes WAV (PCM 8..32 bit, float 32/64, G.711 mu-law/A-law, extensible, RF64), AIFF/AIFF-C (PCM,
 * float, G.711) and FLAC inputs
 * into {@link DecodedAudio}, with samples scaled as soundfile does.
 *
 * <p>The container is recognised from the bytes, never from the name. Every failure to decode is an
 * {@link AudioFormatException} naming the source and the problem; sizes declared in headers are checked
 * against the bytes actually present before anything is allocated from them. Instances are immutable
 * and thread-safe.
 */
public final class AudioDecoder {
    private static final AudioDecoder DEFAULT = new AudioDecoder(DecodeOptions.defaults());

    private final DecodeOptions options;

    /** A decoder with the given options. */
    public AudioDecoder(DecodeOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The decoder with {@link DecodeOptions#defaults()}. */
    public static AudioDecoder standard() {
        return DEFAULT;
    }

    /** The options of this decoder. */
    public DecodeOptions options() {
        return options;
    }

    /**
     * Reads and decodes a file; errors name the file.
     *
     * @throws AudioFormatException if the file cannot be decoded
     * @throws IOException          if it cannot be read
     */
    public DecodedAudio read(Path file) throws IOException {
        String name = String.valueOf(file.getFileName() == null ? file : file.getFileName());
        long size = Files.size(file);
        if (size > options.maxInputBytes()) {
            throw new AudioFormatException(name, TOO_LARGE, "the file is " + size
                    + " bytes, more than the limit of " + options.maxInputBytes());
        }
        return decode(new ByteInput(name, Files.readAllBytes(file)));
    }

    /**
     * Reads a stream to its end (without closing it) and decodes it.
     *
     * @param sourceName the name used in error messages, e.g. an entry name inside an archive
     */
    public DecodedAudio read(InputStream stream, String sourceName) throws IOException {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(sourceName, "sourceName");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        long total = 0;
        for (int n; (n = stream.read(chunk)) > 0; ) {
            total += n;
            if (total > options.maxInputBytes()) {
                throw new AudioFormatException(sourceName, TOO_LARGE, "the stream is longer than the limit of "
                        + options.maxInputBytes() + " bytes");
            }
            buffer.write(chunk, 0, n);
        }
        return decode(new ByteInput(sourceName, buffer.toByteArray()));
    }

    /**
     * Decodes bytes held in memory (the array is not modified and not retained).
     *
     * @param sourceName the name used in error messages
     */
    public DecodedAudio read(byte[] bytes, String sourceName) throws AudioFormatException {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(sourceName, "sourceName");
        return decode(new ByteInput(sourceName, bytes));
    }

    private DecodedAudio decode(ByteInput in) throws AudioFormatException {
        ContainerSniffer.Detected detected = ContainerSniffer.detect(in);
        DecodedAudio audio = switch (detected.container()) {
            case WAV, RF64 -> WavDecoder.decode(in, options);
            case AIFF, AIFF_C -> AiffDecoder.decode(in, options);
            case FLAC -> FlacDecoder.decode(in, detected.start(), options);
        };
        if (options.nonFinite() == NonFinitePolicy.REJECT
                && audio.format().encoding() == SampleEncoding.IEEE_FLOAT) {
            rejectNonFinite(in.name, audio);
        }
        return audio;
    }

    private static void rejectNonFinite(String name, DecodedAudio audio) throws AudioFormatException {
        for (int c = 0; c < audio.channelCount(); c++) {
            double[] s = audio.channelView(c);
            for (int i = 0; i < s.length; i++) {
                if (!Double.isFinite(s[i])) {
                    throw new AudioFormatException(name, NON_FINITE_SAMPLES, "sample " + i + " of channel " + c
                            + " is " + s[i]);
                }
            }
        }
    }
}
