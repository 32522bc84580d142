package dev.ser.core.audio;

import static dev.ser.core.audio.AudioFormatException.Reason.EMPTY_DATA;
import static dev.ser.core.audio.AudioFormatException.Reason.INVALID_HEADER;
import static dev.ser.core.audio.AudioFormatException.Reason.SIZE_EXCEEDS_INPUT;
import static dev.ser.core.audio.AudioFormatException.Reason.TOO_LARGE;
import static dev.ser.core.audio.AudioFormatException.Reason.TRUNCATED;
import static dev.ser.core.audio.AudioFormatException.Reason.UNSUPPORTED_ENCODING;
import static dev.ser.core.audio.AudioFormatException.Reason.ZERO_CHANNELS;
import static dev.ser.core.audio.AudioFormatException.Reason.ZERO_SAMPLE_RATE;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads AIFF and AIFF-C files with uncompressed samples: big-endian two's complement PCM of 1..32 bits
 * ({@code NONE}, {@code twos}, {@code in24}, {@code in32}), little-endian PCM ({@code sowt},
 * {@code 23ni}, {@code 42ni}), offset-binary 8-bit ({@code raw }), and big-endian floats
 * ({@code fl32}/{@code FL32}, {@code fl64}/{@code FL64}), and G.711 ({@code ulaw}, {@code alaw}).
 *
 * <p>The frame count is the smaller of COMM's {@code numSampleFrames} and what the SSND chunk holds;
 * an SSND chunk that declares more bytes than remain is a {@code TRUNCATED} error.
 */
final class AiffDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(AiffDecoder.class);

    private AiffDecoder() {
    }

    /** The parsed COMM chunk. */
    private record Comm(int channels, long frames, int bits, int sampleRate, String compression) {
    }

    /** The sample layout that a compression type stands for. */
    private record Layout(SampleEncoding encoding, int width, boolean bigEndian, String codec) {
    }

    static DecodedAudio decode(ByteInput in, DecodeOptions options) throws AudioFormatException {
        in.require(0, 12, "FORM header");
        boolean aifc = in.matches(8, "AIFC");
        Comm comm = null;
        long ssndData = -1;
        long ssndBytes = -1;
        int pos = 12;
        while (pos <= in.end - 8) {
            String id = in.fourCc(pos);
            long size = in.u32be(pos + 4);
            int body = pos + 8;
            long remaining = in.end - (long) body;
            if (id.equals("SSND")) {
                if (size > remaining) {
                    throw in.error(TRUNCATED, "truncated: 'SSND' chunk declares " + size + " bytes at offset "
                            + body + " but only " + remaining + " remain");
                }
                if (size < 8) {
                    throw in.error(INVALID_HEADER, "'SSND' chunk is " + size + " bytes, at least 8 are required");
                }
                long offset = in.u32be(body);
                if (offset > size - 8) {
                    throw in.error(INVALID_HEADER, "'SSND' offset " + offset + " exceeds the chunk size " + size);
                }
                ssndData = body + 8 + offset;
                ssndBytes = size - 8 - offset;
            } else if (size > remaining) {
                if (comm != null && ssndData >= 0) {
                    break;
                }
                throw in.error(SIZE_EXCEEDS_INPUT, "chunk '" + id + "' at offset " + pos + " declares " + size
                        + " bytes but only " + remaining + " remain");
            } else if (id.equals("COMM")) {
                comm = parseComm(in, body, (int) size, aifc);
            }
            if (comm != null && ssndData >= 0) {
                break;
            }
            long next = body + size + (size & 1);
            pos = (int) Math.min(next, in.end);
        }
        if (comm == null) {
            throw in.error(ssndData >= 0 ? INVALID_HEADER : TRUNCATED, "no 'COMM' chunk found");
        }
        if (ssndData < 0) {
            throw in.error(TRUNCATED, "truncated: no 'SSND' chunk found");
        }
        return build(in, comm, (int) ssndData, ssndBytes, aifc, options);
    }

    private static Comm parseComm(ByteInput in, int body, int size, boolean aifc) throws AudioFormatException {
        int required = aifc ? 22 : 18;
        if (size < required) {
            throw in.error(INVALID_HEADER, "'COMM' chunk is " + size + " bytes, at least " + required
                    + " are required");
        }
        int channels = in.u16be(body);
        long frames = in.u32be(body + 2);
        int bits = (short) in.u16be(body + 6);
        double rate = extended(in, body + 8);
        String compression = aifc ? in.fourCc(body + 18) : "NONE";
        if (channels == 0) {
            throw in.error(ZERO_CHANNELS, "'COMM' chunk declares 0 channels");
        }
        if (!(rate >= 1.0)) {
            throw in.error(ZERO_SAMPLE_RATE, "'COMM' chunk declares a sample rate of " + rate + " Hz");
        }
        if (rate > Integer.MAX_VALUE) {
            throw in.error(INVALID_HEADER, "'COMM' chunk declares an absurd sample rate of " + rate + " Hz");
        }
        // libsndfile truncates the extended rate to an integer; soundfile reports that integer.
        return new Comm(channels, frames, bits, (int) rate, compression);
    }

    /** Parses an IEEE 754 80-bit extended value (sign, 15-bit exponent, 64-bit mantissa with explicit 1). */
    static double extended(ByteInput in, int pos) {
        int signExp = in.u16be(pos);
        long mantissa = in.u64be(pos + 2);
        int exponent = signExp & 0x7FFF;
        if (exponent == 0x7FFF) {
            return Double.NaN;
        }
        if (mantissa == 0) {
            return 0.0;
        }
        // Keep the top 53 bits of the mantissa; value = mantissa * 2^(exponent - 16383 - 63).
        double value = Math.scalb((double) (mantissa >>> 11), exponent - 16383 - 52);
        return (signExp & 0x8000) != 0 ? -value : value;
    }

    private static Layout layout(ByteInput in, Comm comm) throws AudioFormatException {
        String c = comm.compression;
        int bits = comm.bits;
        switch (c) {
            case "NONE", "twos", "sowt" -> {
                if (bits < 1 || bits > 32) {
                    throw in.error(UNSUPPORTED_ENCODING, "AIFF PCM with " + bits
                            + " bits per sample is not supported (only 1 to 32)");
                }
                int width = (bits + 7) / 8;
                boolean big = !c.equals("sowt");
                String codec = "PCM s" + 8 * width + (width == 1 ? "" : big ? "be" : "le");
                return new Layout(SampleEncoding.PCM_SIGNED, width, big, codec);
            }
            case "in24" -> {
                return new Layout(SampleEncoding.PCM_SIGNED, 3, true, "PCM s24be");
            }
            case "in32" -> {
                return new Layout(SampleEncoding.PCM_SIGNED, 4, true, "PCM s32be");
            }
            case "23ni" -> {
                return new Layout(SampleEncoding.PCM_SIGNED, 3, false, "PCM s24le");
            }
            case "42ni" -> {
                return new Layout(SampleEncoding.PCM_SIGNED, 4, false, "PCM s32le");
            }
            case "raw " -> {
                return new Layout(SampleEncoding.PCM_UNSIGNED, 1, true, "PCM u8");
            }
            case "ulaw", "ULAW" -> {
                return new Layout(SampleEncoding.MU_LAW, 1, true, "mu-law");
            }
            case "alaw", "ALAW" -> {
                return new Layout(SampleEncoding.A_LAW, 1, true, "A-law");
            }
            case "fl32", "FL32" -> {
                return new Layout(SampleEncoding.IEEE_FLOAT, 4, true, "float32be");
            }
            case "fl64", "FL64" -> {
                return new Layout(SampleEncoding.IEEE_FLOAT, 8, true, "float64be");
            }
            default -> throw in.error(UNSUPPORTED_ENCODING, "AIFF-C compression type '" + c + "' ("
                    + compressionName(c) + ") is not supported");
        }
    }

    private static DecodedAudio build(ByteInput in, Comm comm, int dataOffset, long dataBytes, boolean aifc,
                                      DecodeOptions options) throws AudioFormatException {
        Layout layout = layout(in, comm);
        long frameSize = (long) comm.channels * layout.width;
        long available = dataBytes / frameSize;
        long frames = Math.min(comm.frames, available);
        if (comm.frames > available) {
            LOG.debug("{}: COMM declares {} frames but SSND holds {}; reading those", in.name, comm.frames, available);
        }
        if (frames == 0) {
            throw in.error(EMPTY_DATA, "no sample frames (COMM declares " + comm.frames + ", SSND holds "
                    + dataBytes + " bytes)");
        }
        if (frames > options.maxFrames(comm.channels)) {
            throw in.error(TOO_LARGE, "the data holds " + frames + " frames of " + comm.channels
                    + " channels, more than the limit of " + options.maxSamples() + " samples");
        }
        double[][] channels = PcmDecoder.decode(in, dataOffset, (int) frames, comm.channels, layout.width,
                layout.encoding, layout.bigEndian);
        int bits = layout.encoding != SampleEncoding.PCM_SIGNED ? 8 * layout.width
                : comm.compression.equals("NONE") || comm.compression.equals("twos")
                || comm.compression.equals("sowt") ? comm.bits : 8 * layout.width;
        String codec = aifc ? "AIFF-C " + comm.compression.trim() + " " + layout.codec : layout.codec;
        AudioFormatInfo info = new AudioFormatInfo(aifc ? Container.AIFF_C : Container.AIFF, layout.encoding, bits,
                codec);
        return new DecodedAudio(channels, comm.sampleRate, info);
    }

    private static String compressionName(String type) {
        return switch (type) {
            case "ima4" -> "IMA 4:1 ADPCM";
            case "MAC3" -> "MACE 3:1";
            case "MAC6" -> "MACE 6:1";
            case "GSM " -> "GSM 6.10";
            case "Qclp" -> "Qualcomm PureVoice";
            case "QDMC", "QDM2" -> "QDesign Music";
            case "ACE2", "ACE8" -> "ACE";
            default -> "unknown";
        };
    }
}
