package dev.ser.datasets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Synthetic corpus files for tests: tiny but structurally valid audio, written under real naming conventions. */
public final class Fixtures {
    private Fixtures() {
    }

    /** Writes {@code content} to {@code root/relative}, creating folders. */
    public static Path write(Path root, String relative, byte[] content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        return p;
    }

    /** Writes a minimal valid WAV whose samples derive from {@code seed}, so different seeds differ in content. */
    public static Path wav(Path root, String relative, int seed) throws IOException {
        return write(root, relative, wavBytes(16000, seed));
    }

    /**
     * A minimal 16-bit mono PCM WAV: RIFF header, fmt chunk, data chunk of 8 samples derived from {@code seed}.
     */
    public static byte[] wavBytes(int sampleRate, int seed) {
        int samples = 8;
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * samples)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * samples);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (seed * 31 + i * 1009));
        }
        return b.array();
    }

    /** The start of an AIFF file (big-endian FORM/AIFF container), as found inside two TESS ".wav" files. */
    public static byte[] aiffBytes(int seed) {
        ByteBuffer b = ByteBuffer.allocate(12 + 26).order(ByteOrder.BIG_ENDIAN);
        b.put("FORM".getBytes(StandardCharsets.US_ASCII)).putInt(30).put("AIFF".getBytes(StandardCharsets.US_ASCII))
                .put("COMM".getBytes(StandardCharsets.US_ASCII)).putInt(18).putShort((short) 1).putInt(seed)
                .putShort((short) 16).put(new byte[10]);
        return b.array();
    }
}
