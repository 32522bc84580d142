package dev.ser.datasets.split;

import dev.ser.datasets.ContentHash;
import dev.ser.datasets.Utterance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds exact-duplicate audio across a train/test boundary, which leaks test data into training (RAVDESS ships
 * {@code Actor_07/03-01-03-01-02-01-07} and {@code 03-01-03-01-02-02-07} byte-identical). Only files whose sizes
 * occur on both sides are hashed (SHA-256 of the bytes); hashes are memoised per path for the finder's lifetime,
 * so checking many folds of the same corpus reads each candidate once. Thread-safe.
 */
public final class DuplicateFinder {
    private final Map<Path, String> hashes = new ConcurrentHashMap<>();

    /** Duplicate groups between the split's train and test sides, sorted by hash; empty when there is no leak. */
    public List<DuplicateGroup> acrossBoundary(Split split) throws IOException {
        return acrossBoundary(split.train(), split.test());
    }

    /** Duplicate groups between two sets of utterances, sorted by hash. */
    public List<DuplicateGroup> acrossBoundary(List<Utterance> train, List<Utterance> test) throws IOException {
        Map<Long, List<Path>> trainBySize = bySize(train);
        Map<Long, List<Path>> testBySize = bySize(test);
        Map<String, Set<Path>> trainHashes = new HashMap<>();
        Map<String, Set<Path>> testHashes = new HashMap<>();
        for (Map.Entry<Long, List<Path>> e : testBySize.entrySet()) {
            List<Path> sameSizeTrain = trainBySize.get(e.getKey());
            if (sameSizeTrain == null) {
                continue; // different sizes cannot be identical: no need to read them
            }
            for (Path p : sameSizeTrain) {
                trainHashes.computeIfAbsent(hash(p), h -> new TreeSet<>()).add(p);
            }
            for (Path p : e.getValue()) {
                testHashes.computeIfAbsent(hash(p), h -> new TreeSet<>()).add(p);
            }
        }
        Map<String, DuplicateGroup> out = new TreeMap<>();
        for (Map.Entry<String, Set<Path>> e : testHashes.entrySet()) {
            Set<Path> trainCopies = trainHashes.get(e.getKey());
            if (trainCopies != null) {
                out.put(e.getKey(), new DuplicateGroup(e.getKey(), new ArrayList<>(trainCopies),
                        new ArrayList<>(e.getValue())));
            }
        }
        return List.copyOf(out.values());
    }

    /** Groups of two or more byte-identical files within one collection, sorted by hash. */
    public List<List<Path>> within(List<Utterance> data) throws IOException {
        Map<String, Set<Path>> byHash = new TreeMap<>();
        for (List<Path> sameSize : bySize(data).values()) {
            if (sameSize.size() > 1) {
                for (Path p : sameSize) {
                    byHash.computeIfAbsent(hash(p), h -> new TreeSet<>()).add(p);
                }
            }
        }
        return byHash.values().stream().filter(s -> s.size() > 1).map(s -> (List<Path>) new ArrayList<>(s)).toList();
    }

    private String hash(Path p) throws IOException {
        try {
            return hashes.computeIfAbsent(p, q -> {
                try {
                    return ContentHash.sha256(q);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Map<Long, List<Path>> bySize(List<Utterance> us) throws IOException {
        Map<Long, List<Path>> m = new HashMap<>();
        Set<Path> seen = new HashSet<>();
        for (Utterance u : us) {
            if (seen.add(u.path())) {
                m.computeIfAbsent(Files.size(u.path()), s -> new ArrayList<>()).add(u.path());
            }
        }
        return m;
    }
}
