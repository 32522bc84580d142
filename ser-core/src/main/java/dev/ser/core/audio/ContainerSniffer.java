package dev.ser.core.audio;

import static dev.ser.core.audio.AudioFormatException.Reason.EMPTY_DATA;
import static dev.ser.core.audio.AudioFormatException.Reason.UNRECOGNISED_CONTAINER;

/**
 * Recognises a container from its leading bytes. File names are never consulted: real corpora ship AIFF
 * data in {@code .wav} files.
 */
final class ContainerSniffer {

    /** A recognised container and where its stream starts (after a leading ID3v2 tag for FLAC). */
    record Detected(Container container, int start) {
    }

    private ContainerSniffer() {
    }

    static Detected detect(ByteInput in) throws AudioFormatException {
        if (in.length() == 0) {
            throw in.error(EMPTY_DATA, "the input is empty (0 bytes)");
        }
        if ((in.matches(0, "RIFF") || in.matches(0, "RF64")) && in.matches(8, "WAVE")) {
            return new Detected(in.matches(0, "RF64") ? Container.RF64 : Container.WAV, 0);
        }
        if (in.matches(0, "FORM") && in.matches(8, "AIFF")) {
            return new Detected(Container.AIFF, 0);
        }
        if (in.matches(0, "FORM") && in.matches(8, "AIFC")) {
            return new Detected(Container.AIFF_C, 0);
        }
        int flac = skipId3v2(in);
        if (in.matches(flac, "fLaC")) {
            return new Detected(Container.FLAC, flac);
        }
        throw in.error(UNRECOGNISED_CONTAINER, "unrecognised audio container (" + describe(in)
                + "); supported: WAV, RF64, AIFF, AIFF-C, FLAC");
    }

    /** The offset after an ID3v2 tag at the start of the input, or 0 if there is none. */
    private static int skipId3v2(ByteInput in) {
        if (!in.matches(0, "ID3") || in.length() < 10) {
            return 0;
        }
        long size = 0;
        for (int i = 6; i < 10; i++) {
            size = size << 7 | (in.u8(i) & 0x7F); // "syncsafe" integer: 7 bits per byte
        }
        long end = 10 + size + ((in.u8(5) & 0x10) != 0 ? 10 : 0);
        return end < in.length() ? (int) end : 0;
    }

    /** A guess at what the bytes are, for the error message. */
    private static String describe(ByteInput in) {
        if (in.matches(0, "OggS")) {
            return "Ogg stream";
        }
        if (in.matches(0, "RIFF") || in.matches(0, "RIFX")) {
            return in.matches(0, "RIFX") ? "big-endian RIFX" : "RIFF but not WAVE";
        }
        if (in.matches(0, "FORM")) {
            return "IFF FORM but not AIFF";
        }
        if (in.matches(0, "ID3") || (in.length() >= 2 && in.u8(0) == 0xFF && (in.u8(1) & 0xE0) == 0xE0)) {
            return "looks like MPEG audio (MP3)";
        }
        if (in.matches(4, "ftyp")) {
            return "MP4/M4A";
        }
        if (in.matches(0, ".snd")) {
            return "Sun/NeXT .au";
        }
        if (in.length() >= 4) {
            return "starts with '" + in.fourCc(0) + "'";
        }
        return "only " + in.length() + " bytes";
    }
}
