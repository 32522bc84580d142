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
 * Reads RIFF/WAVE and RF64 files holding integer PCM (8..32 bit), IEEE float (32/64 bit) or G.711
 * mu-law/A-law, plain or WAVE_FORMAT_EXTENSIBLE.
 *
 * <p>Tolerance follows what real corpora need: the RIFF size is ignored (chunks are walked up to the end
 * of the input), unknown chunks are skipped wherever they are, {@code data} may come before or after
 * {@code LIST} or even before {@code fmt }, and a missing pad byte after an odd-sized chunk is detected.
 * A {@code data} chunk that declares more bytes than remain is a {@code TRUNCATED} error, except the
 * streaming marker {@code 0xFFFFFFFF}, which means "up to the end of the input".
 */
final class WavDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(WavDecoder.class);

    static final int TAG_PCM = 0x0001;
    static final int TAG_FLOAT = 0x0003;
    static final int TAG_ALAW = 0x0006;
    static final int TAG_MULAW = 0x0007;
    static final int TAG_EXTENSIBLE = 0xFFFE;
    /** Bytes 2..15 of the KSDATAFORMAT_SUBTYPE GUIDs for PCM and IEEE float (the tag is bytes 0..1). */
    private static final byte[] GUID_SUFFIX = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};
    private static final long UNKNOWN_SIZE = 0xFFFFFFFFL;
    /** Chunk ids met in real files, used to detect a missing pad byte. */
    private static final java.util.Set<String> KNOWN_IDS = java.util.Set.of("data", "fmt ", "LIST", "fact", "cue ",
            "smpl", "bext", "JUNK", "junk", "id3 ", "ID3 ", "PAD ", "iXML", "inst", "acid", "PEAK", "plst", "labl",
            "note", "ltxt", "DISP", "afsp", "FLLR", "minf", "elm1", "regn", "umid", "cart", "axml", "ds64");

    private WavDecoder() {
    }

    /** The parsed {@code fmt } chunk. */
    private record Fmt(int tag, int channels, int sampleRate, int bits, int blockAlign, boolean extensible) {
    }

    static DecodedAudio decode(ByteInput in, DecodeOptions options) throws AudioFormatException {
        in.require(0, 12, "RIFF header");
        boolean rf64 = in.matches(0, "RF64");
        Fmt fmt = null;
        long dataOffset = -1;
        long dataSize = -1;
        long ds64DataSize = -1;
        int pos = 12;
        while (pos <= in.end - 8) {
            String id = in.fourCc(pos);
            long size = in.u32le(pos + 4);
            int body = pos + 8;
            long remaining = in.end - (long) body;
            switch (id) {
                case "ds64" -> {
                    if (rf64 && size >= 24 && remaining >= 24) {
                        ds64DataSize = in.u64le(body + 8);
                    }
                }
                case "fmt " -> {
                    if (size > remaining) {
                        throw in.error(SIZE_EXCEEDS_INPUT, "'fmt ' chunk declares " + size + " bytes at offset "
                                + pos + " but only " + remaining + " remain");
                    }
                    fmt = parseFmt(in, body, (int) size);
                }
                case "data" -> {
                    long declared = size;
                    if (rf64 && size == UNKNOWN_SIZE && ds64DataSize >= 0) {
                        declared = ds64DataSize;
                    } else if (size == UNKNOWN_SIZE) {
                        declared = remaining; // streaming writers leave the size unset
                    }
                    if (declared > remaining) {
                        throw in.error(TRUNCATED, "truncated: 'data' chunk declares " + declared
                                + " bytes at offset " + body + " but only " + remaining + " remain");
                    }
                    if (dataOffset < 0) {
                        dataOffset = body;
                        dataSize = declared;
                    }
                    size = declared;
                }
                default -> {
                    if (size > remaining) {
                        if (fmt != null && dataOffset >= 0) {
                            LOG.debug("{}: ignoring trailing chunk '{}' with a size beyond the input", in.name, id);
                            return build(in, fmt, dataOffset, dataSize, rf64, options);
                        }
                        throw in.error(SIZE_EXCEEDS_INPUT, "chunk '" + id + "' at offset " + pos + " declares "
                                + size + " bytes but only " + remaining + " remain");
                    }
                }
            }
            if (fmt != null && dataOffset >= 0) {
                break;
            }
            pos = nextChunk(in, body, size);
        }
        if (fmt == null) {
            throw in.error(dataOffset >= 0 ? INVALID_HEADER : TRUNCATED, "no 'fmt ' chunk found");
        }
        if (dataOffset < 0) {
            throw in.error(TRUNCATED, "truncated: no 'data' chunk found");
        }
        return build(in, fmt, dataOffset, dataSize, rf64, options);
    }

    /** Position of the chunk after one whose body starts at {@code body}; accepts a missing pad byte. */
    private static int nextChunk(ByteInput in, int body, long size) {
        long next = body + size;
        if ((size & 1) != 0) {
            long padded = next + 1;
            // Some writers omit the pad byte: take the unpadded position when a well-known chunk starts there
            // and nothing plausible starts at the padded one.
            if (padded <= in.end - 8 && plausibleId(in, (int) next) && KNOWN_IDS.contains(in.fourCc((int) next))
                    && !(plausibleId(in, (int) padded) && KNOWN_IDS.contains(in.fourCc((int) padded)))) {
                return (int) next;
            }
            next = padded;
        }
        return (int) Math.min(next, in.end);
    }

    /** A chunk header with a printable id whose size fits in the input. */
    private static boolean plausibleId(ByteInput in, int pos) {
        if (pos > in.end - 8 || in.u32le(pos + 4) > in.end - pos - 8L) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            int b = in.u8(pos + i);
            if (b < 0x20 || b > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static Fmt parseFmt(ByteInput in, int body, int size) throws AudioFormatException {
        if (size < 16) {
            throw in.error(INVALID_HEADER, "'fmt ' chunk is " + size + " bytes, at least 16 are required");
        }
        int tag = in.u16le(body);
        int channels = in.u16le(body + 2);
        long rate = in.u32le(body + 4);
        int blockAlign = in.u16le(body + 12);
        int bits = in.u16le(body + 14);
        boolean extensible = tag == TAG_EXTENSIBLE;
        if (extensible) {
            if (size < 40) {
                throw in.error(INVALID_HEADER, "WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk is " + size
                        + " bytes, 40 are required");
            }
            tag = in.u16le(body + 24);
            for (int i = 0; i < GUID_SUFFIX.length; i++) {
                if (in.data[body + 26 + i] != GUID_SUFFIX[i]) {
                    throw in.error(UNSUPPORTED_ENCODING, "WAVE_FORMAT_EXTENSIBLE sub-format GUID "
                            + guid(in, body + 24) + " is not supported (only PCM and IEEE float)");
                }
            }
        }
        if (channels == 0) {
            throw in.error(ZERO_CHANNELS, "'fmt ' chunk declares 0 channels");
        }
        if (rate == 0) {
            throw in.error(ZERO_SAMPLE_RATE, "'fmt ' chunk declares a sample rate of 0 Hz");
        }
        if (rate > Integer.MAX_VALUE) {
            throw in.error(INVALID_HEADER, "'fmt ' chunk declares an absurd sample rate of " + rate + " Hz");
        }
        if (tag != TAG_PCM && tag != TAG_FLOAT && tag != TAG_ALAW && tag != TAG_MULAW) {
            throw in.error(UNSUPPORTED_ENCODING, String.format("WAV format tag 0x%04X (%s) is not supported",
                    tag, tagName(tag)));
        }
        return new Fmt(tag, channels, (int) rate, bits, blockAlign, extensible);
    }

    private static DecodedAudio build(ByteInput in, Fmt fmt, long dataOffset, long dataSize, boolean rf64,
                                      DecodeOptions options) throws AudioFormatException {
        int width;
        SampleEncoding encoding;
        String codec;
        if (fmt.tag == TAG_ALAW || fmt.tag == TAG_MULAW) {
            if (fmt.bits != 8) {
                throw in.error(UNSUPPORTED_ENCODING, (fmt.tag == TAG_ALAW ? "A-law" : "mu-law") + " WAV with "
                        + fmt.bits + " bits per sample is not supported (only 8)");
            }
            width = 1;
            encoding = fmt.tag == TAG_ALAW ? SampleEncoding.A_LAW : SampleEncoding.MU_LAW;
            codec = fmt.tag == TAG_ALAW ? "A-law" : "mu-law";
        } else if (fmt.tag == TAG_FLOAT) {
            if (fmt.bits != 32 && fmt.bits != 64) {
                throw in.error(UNSUPPORTED_ENCODING, "IEEE float WAV with " + fmt.bits
                        + " bits per sample is not supported (only 32 and 64)");
            }
            width = fmt.bits / 8;
            encoding = SampleEncoding.IEEE_FLOAT;
            codec = "float" + fmt.bits + "le";
        } else {
            if (fmt.bits < 1 || fmt.bits > 32) {
                throw in.error(UNSUPPORTED_ENCODING, "PCM WAV with " + fmt.bits
                        + " bits per sample is not supported (only 1 to 32)");
            }
            width = (fmt.bits + 7) / 8;
            // The WAV convention: 8-bit (and narrower) PCM is unsigned, wider PCM is two's complement.
            encoding = width == 1 ? SampleEncoding.PCM_UNSIGNED : SampleEncoding.PCM_SIGNED;
            codec = width == 1 ? "PCM u8" : "PCM s" + (8 * width) + "le";
        }
        int frameSize = fmt.channels * width;
        if (fmt.blockAlign != frameSize) {
            LOG.debug("{}: block align {} differs from channels x bytes = {}; using the latter", in.name,
                    fmt.blockAlign, frameSize);
        }
        long frames = dataSize / frameSize;
        if (frames == 0) {
            throw in.error(EMPTY_DATA, "'data' chunk holds " + dataSize + " bytes, no complete sample frame of "
                    + frameSize + " bytes");
        }
        if (frames > options.maxFrames(fmt.channels)) {
            throw in.error(TOO_LARGE, "the data holds " + frames + " frames of " + fmt.channels
                    + " channels, more than the limit of " + options.maxSamples() + " samples");
        }
        double[][] channels = PcmDecoder.decode(in, (int) dataOffset, (int) frames, fmt.channels, width, encoding,
                false);
        if (fmt.extensible) {
            codec += " (extensible)";
        }
        AudioFormatInfo info = new AudioFormatInfo(rf64 ? Container.RF64 : Container.WAV, encoding, fmt.bits, codec);
        return new DecodedAudio(channels, fmt.sampleRate, info);
    }

    private static String guid(ByteInput in, int pos) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(String.format("%02X", in.u8(pos + i)));
        }
        return sb.toString();
    }

    /** Names of the WAV format tags people meet, for messages about unsupported ones. */
    static String tagName(int tag) {
        return switch (tag) {
            case 0x0000 -> "unknown";
            case 0x0001 -> "PCM";
            case 0x0002 -> "Microsoft ADPCM";
            case 0x0003 -> "IEEE float";
            case 0x0006 -> "A-law";
            case 0x0007 -> "mu-law";
            case 0x0011 -> "IMA ADPCM";
            case 0x0022 -> "TrueSpeech";
            case 0x0031 -> "GSM 6.10";
            case 0x0040 -> "G.721 ADPCM";
            case 0x0050 -> "MPEG";
            case 0x0055 -> "MPEG Layer 3";
            case 0x0092 -> "Dolby AC3 SPDIF";
            case 0x00FF -> "AAC";
            case 0x0160, 0x0161, 0x0162, 0x0163 -> "Windows Media Audio";
            case 0x1610 -> "MPEG-4 AAC (ADTS)";
            case 0x2000 -> "Dolby AC3";
            case 0x674F, 0x6750, 0x6751, 0x676F, 0x6770, 0x6771 -> "Ogg Vorbis";
            case 0xF1AC -> "FLAC";
            case 0xFFFE -> "extensible";
            default -> "unknown codec";
        };
    }
}
