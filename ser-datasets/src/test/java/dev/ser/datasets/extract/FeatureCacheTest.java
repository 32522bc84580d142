package dev.ser.datasets.extract;

import dev.ser.datasets.ContentHash;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureCacheTest {
    @TempDir
    Path dir;

    private static final String H = ContentHash.sha256("audio".getBytes());

    @Test
    void roundTripsExactlyIncludingSpecialValues() throws IOException {
        FeatureCache c = new FeatureCache(dir);
        double[] v = {0.0, -0.0, 1e-310, Double.MAX_VALUE, Double.NaN, Double.NEGATIVE_INFINITY, Math.PI};
        c.put(H, "mfcc(n=40)", v);
        assertArrayEquals(v, c.get(H, "mfcc(n=40)").orElseThrow());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(c.get(H, "mfcc(n=40)").orElseThrow()[1]));
        assertEquals(0, c.rejectedEntries());
    }

    @Test
    void keyIncludesTheWholeConfiguration() throws IOException {
        FeatureCache c = new FeatureCache(dir);
        c.put(H, "mfcc(n=40)", new double[] {1});
        assertTrue(c.get(H, "mfcc(n=41)").isEmpty());
        assertTrue(c.get(ContentHash.sha256("other".getBytes()), "mfcc(n=40)").isEmpty());
        assertEquals(0, c.rejectedEntries(), "a plain miss is not a rejection");
    }

    @Test
    void everySingleBitFlipIsDetected() throws IOException {
        FeatureCache c = new FeatureCache(dir);
        c.put(H, "k", new double[] {1, 2, 3});
        Path entry = c.entryPath(H, "k");
        byte[] good = Files.readAllBytes(entry);
        for (int i = 0; i < good.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] bad = good.clone();
                bad[i] ^= (byte) (1 << bit);
                Files.write(entry, bad);
                assertTrue(c.get(H, "k").isEmpty(), "byte " + i + " bit " + bit);
            }
        }
        assertEquals(good.length * 8, c.rejectedEntries());
    }

    @Test
    void entryWithAValidChecksumButAnotherKeyIsRejected() throws IOException {
        FeatureCache c = new FeatureCache(dir);
        ByteBuffer other = FeatureCache.encode(H, "other-key", new double[] {5});
        byte[] bytes = new byte[other.remaining()];
        other.get(bytes);
        Path entry = c.entryPath(H, "k");
        Files.createDirectories(entry.getParent());
        Files.write(entry, bytes);
        assertTrue(c.get(H, "k").isEmpty());
        assertEquals(1, c.rejectedEntries());
    }

    @Test
    void rejectsMalformedHashes() throws IOException {
        FeatureCache c = new FeatureCache(dir);
        assertThrows(IllegalArgumentException.class, () -> c.get("../../etc/passwd", "k"));
        assertThrows(IllegalArgumentException.class, () -> c.get(H.toUpperCase(), "k"));
    }

    @Property(tries = 100)
    void encodeDecodeRoundTrip(@ForAll @Size(max = 64) double[] values, @ForAll @Chars({'a', 'Z', '\n', '\r', '\\', 'n', ' ', '=', '\u00e9', '\u4e2d'}) String key) {
        ByteBuffer b = FeatureCache.encode(H, key, values);
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        assertArrayEquals(values, FeatureCache.decode(bytes, H, key));
    }
}
