package dev.ser.datasets.extract;

import dev.ser.datasets.ContentHash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake extractor: the vector is derived from the file's bytes and a parameter, so equal content gives equal
 * features and a changed parameter changes them. Files whose content starts with "BAD" fail like undecodable audio.
 */
final class FakeFeatures implements FeatureFunction {
    final AtomicInteger calls = new AtomicInteger();
    final Set<Path> seen = ConcurrentHashMap.newKeySet();
    private final int dimension;
    private final double scale;
    private final long delayMillis;

    FakeFeatures(int dimension, double scale, long delayMillis) {
        this.dimension = dimension;
        this.scale = scale;
        this.delayMillis = delayMillis;
    }

    FakeFeatures(double scale) {
        this(4, scale, 0);
    }

    @Override
    public String configurationKey() {
        return "fake(dim=" + dimension + ",scale=" + scale + ")";
    }

    @Override
    public double[] extract(Path audio) throws IOException {
        calls.incrementAndGet();
        seen.add(audio);
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        byte[] bytes = Files.readAllBytes(audio);
        if (bytes.length >= 3 && bytes[0] == 'B' && bytes[1] == 'A' && bytes[2] == 'D') {
            throw new IOException("unsupported audio format");
        }
        String h = ContentHash.sha256(bytes);
        double[] v = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = scale * Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16) + bytes.length;
        }
        return v;
    }

    @Override
    public List<String> featureNames(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> "fake_" + i).toList();
    }
}
