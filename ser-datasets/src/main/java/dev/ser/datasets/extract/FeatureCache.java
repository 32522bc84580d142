package dev.ser.datasets.extract;

import dev.ser.datasets.ContentHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;

/**
 * A persistent, on-disk cache of feature vectors keyed by the SHA-256 of the audio bytes and the full
 * {@link FeatureFunction#configurationKey()}: change the audio or any parameter and the key changes, so nothing
 * stale is ever served. A file renamed or copied keeps its entry.
 *
 * <p>Layout: {@code <dir>/<first 2 hex of content hash>/<content hash>-<SHA-256 of config key>.feat}. Entry
 * format, little-endian: magic {@code "SERF"}, int32 version (1), int32 key length + UTF-8 configuration key,
 * 32 bytes content hash, int32 n, n float64 values, int32 CRC32C of all preceding bytes. On read the magic,
 * version, stored key, stored hash, length and checksum are verified; any mismatch is logged, counted in
 * {@link #rejectedEntries()} and treated as a miss, and the next {@link #put} replaces the entry.
 *
 * <p>Writes go to a temporary file in the same folder, are forced to disk, then atomically renamed over the
 * entry, so readers (also in other processes) see either no entry or a complete one, and concurrent writers of
 * the same key simply leave one of two identical entries. Thread-safe.
 */
public final class FeatureCache {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureCache.class);
    private static final byte[] MAGIC = {'S', 'E', 'R', 'F'};
    private static final int VERSION = 1;
    private static final String SUFFIX = ".feat";
    private final Path directory;
    private final AtomicInteger rejected = new AtomicInteger();

    /** Opens (creating if needed) a cache in {@code directory}. */
    public FeatureCache(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    public Path directory() {
        return directory;
    }

    /** Number of entries found corrupt or mismatched since this instance was created. */
    public int rejectedEntries() {
        return rejected.get();
    }

    /** Where the entry for this content hash and configuration lives (whether or not it exists). */
    public Path entryPath(String contentSha256, String configurationKey) {
        checkHash(contentSha256);
        String configHash = ContentHash.sha256(configurationKey.getBytes(StandardCharsets.UTF_8));
        return directory.resolve(contentSha256.substring(0, 2)).resolve(contentSha256 + "-" + configHash + SUFFIX);
    }

    /**
     * The cached vector, or empty when there is no valid entry (absent, unreadable, corrupt, or written for a
     * different key).
     */
    public Optional<double[]> get(String contentSha256, String configurationKey) {
        Path entry = entryPath(contentSha256, configurationKey);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(entry);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return reject(entry, "unreadable: " + e);
        }
        try {
            return Optional.of(decode(bytes, contentSha256, configurationKey));
        } catch (IllegalStateException | java.nio.BufferUnderflowException e) {
            return reject(entry, e.getMessage() == null ? "truncated" : e.getMessage());
        }
    }

    /** Stores a vector atomically, replacing any existing (possibly corrupt) entry. */
    public void put(String contentSha256, String configurationKey, double[] features) throws IOException {
        Path entry = entryPath(contentSha256, configurationKey);
        Path dir = Files.createDirectories(entry.getParent());
        Path tmp = Files.createTempFile(dir, ".tmp-", ".part");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = encode(contentSha256, configurationKey, features);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            moveIntoPlace(tmp, entry);
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void moveIntoPlace(Path tmp, Path entry) throws IOException {
        try {
            Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this only happens on exotic file systems; a plain replace is the best available.
            LOG.warn("atomic move not supported for {}; using a plain replace", entry);
            Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename durable where the platform allows opening a directory (POSIX); elsewhere a no-op. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.trace("cannot fsync directory {}: {}", dir, e.toString());
        }
    }

    static ByteBuffer encode(String contentSha256, String configurationKey, double[] features) {
        byte[] key = configurationKey.getBytes(StandardCharsets.UTF_8);
        int size = 4 + 4 + 4 + key.length + 32 + 4 + 8 * features.length + 4;
        ByteBuffer buf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).putInt(VERSION).putInt(key.length).put(key).put(HexFormat.of().parseHex(contentSha256));
        buf.putInt(features.length);
        for (double v : features) {
            buf.putDouble(v);
        }
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue());
        return buf.flip();
    }

    static double[] decode(byte[] bytes, String contentSha256, String configurationKey) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 4 + 4 + 4 + 32 + 4 + 4) {
            throw new IllegalStateException("truncated (" + bytes.length + " bytes)");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        int storedCrc = ByteBuffer.wrap(bytes, bytes.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if ((int) crc.getValue() != storedCrc) {
            throw new IllegalStateException("checksum mismatch");
        }
        byte[] magic = new byte[4];
        buf.get(magic);
        if (!Arrays.equals(magic, MAGIC) || buf.getInt() != VERSION) {
            throw new IllegalStateException("not a version-" + VERSION + " feature cache entry");
        }
        byte[] key = new byte[buf.getInt()];
        buf.get(key);
        if (!configurationKey.equals(new String(key, StandardCharsets.UTF_8))) {
            throw new IllegalStateException("entry was written for another configuration");
        }
        byte[] hash = new byte[32];
        buf.get(hash);
        if (!HexFormat.of().formatHex(hash).equals(contentSha256)) {
            throw new IllegalStateException("entry was written for other audio content");
        }
        int n = buf.getInt();
        if (n < 0 || buf.remaining() != 8L * n + 4) {
            throw new IllegalStateException("length field " + n + " does not match the entry size");
        }
        double[] out = new double[n];
        buf.asDoubleBuffer().get(out);
        return out;
    }

    private Optional<double[]> reject(Path entry, String why) {
        rejected.incrementAndGet();
        LOG.warn("feature cache entry {} rejected ({}); it will be recomputed", entry, why);
        return Optional.empty();
    }

    private static void checkHash(String h) {
        if (h.length() != 64 || !h.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + h);
        }
    }

    @Override
    public String toString() {
        return "FeatureCache[" + directory + "]";
    }
}
