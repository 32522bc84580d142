package dev.ser.core.audio;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A byte builder for fixtures, with little- and big-endian writers. */
final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Bytes ascii(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    Bytes u8(int v) {
        out.write(v);
        return this;
    }

    Bytes le(long v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (v >>> (8 * i)));
        }
        return this;
    }

    Bytes be(long v, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) {
            out.write((int) (v >>> (8 * i)));
        }
        return this;
    }

    Bytes raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] toArray() {
        return out.toByteArray();
    }

    static void putLe32(byte[] b, int pos, long v) {
        for (int i = 0; i < 4; i++) {
            b[pos + i] = (byte) (v >>> (8 * i));
        }
    }

    static void putBe32(byte[] b, int pos, long v) {
        for (int i = 0; i < 4; i++) {
            b[pos + i] = (byte) (v >>> (24 - 8 * i));
        }
    }
}
