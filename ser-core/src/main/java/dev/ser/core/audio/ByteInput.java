package dev.ser.core.audio;

/**
 * A whole input held in memory, with bounds-checked little- and big-endian readers whose failures are
 * typed {@link AudioFormatException}s naming the source.
 */
final class ByteInput {
    final String name;
    final byte[] data;
    /** One past the last readable byte. */
    final int end;

    ByteInput(String name, byte[] data, int end) {
        this.name = name;
        this.data = data;
        this.end = end;
    }

    ByteInput(String name, byte[] data) {
        this(name, data, data.length);
    }

    int length() {
        return end;
    }

    AudioFormatException error(AudioFormatException.Reason reason, String problem) {
        return new AudioFormatException(name, reason, problem);
    }

    /** Throws TRUNCATED unless {@code count} bytes are available at {@code pos}. */
    void require(long pos, long count, String what) throws AudioFormatException {
        if (pos < 0 || count < 0 || pos + count > end) {
            throw error(AudioFormatException.Reason.TRUNCATED, "truncated: " + what + " needs " + count
                    + " bytes at offset " + pos + " but the input has " + end + " bytes");
        }
    }

    int u8(int pos) {
        return data[pos] & 0xFF;
    }

    int u16le(int pos) {
        return (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8;
    }

    long u32le(int pos) {
        return ((data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8 | (data[pos + 2] & 0xFF) << 16
                | (long) (data[pos + 3] & 0xFF) << 24);
    }

    long u64le(int pos) {
        return u32le(pos) | u32le(pos + 4) << 32;
    }

    int u16be(int pos) {
        return (data[pos] & 0xFF) << 8 | (data[pos + 1] & 0xFF);
    }

    long u32be(int pos) {
        return ((long) (data[pos] & 0xFF) << 24 | (data[pos + 1] & 0xFF) << 16 | (data[pos + 2] & 0xFF) << 8
                | (data[pos + 3] & 0xFF));
    }

    long u64be(int pos) {
        return u32be(pos) << 32 | u32be(pos + 4);
    }

    /** The four bytes at {@code pos} as ASCII text, non-printable bytes escaped. */
    String fourCc(int pos) {
        StringBuilder sb = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            int b = u8(pos + i);
            if (b >= 0x20 && b < 0x7F) {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02X", b));
            }
        }
        return sb.toString();
    }

    boolean matches(int pos, String ascii) {
        if (pos < 0 || pos + ascii.length() > end) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (data[pos + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
