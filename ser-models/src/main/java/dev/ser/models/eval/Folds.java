package dev.ser.models.eval;

import dev.ser.models.util.SplitMix64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Common ways to build {@link Fold}s. */
public final class Folds {

    private Folds() {
    }

    /**
     * Leave-one-group-out: one fold per distinct group (in sorted group order), testing on that
     * group. Speaker-independent when groups are speakers.
     */
    public static List<Fold> leaveOneGroupOut(String[] groups) {
        Map<String, List<Integer>> byGroup = new TreeMap<>();
        for (int i = 0; i < groups.length; i++) {
            byGroup.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
        }
        if (byGroup.size() < 2) {
            throw new IllegalArgumentException("leave-one-group-out needs at least 2 groups, got " + byGroup.size());
        }
        List<Fold> folds = new ArrayList<>();
        for (String g : byGroup.keySet()) {
            folds.add(partition(groups.length, i -> groups[i].equals(g)));
        }
        return folds;
    }

    /**
     * Group k-fold as scikit-learn's {@code GroupKFold}: groups, largest first (ties by name), are
     * assigned to the fold with the fewest samples so far (ties to the lowest fold); no group is
     * split between folds.
     */
    public static List<Fold> groupKFold(String[] groups, int k) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        new TreeMap<>(countBy(groups)).forEach(sizes::put);
        if (k < 2 || k > sizes.size()) {
            throw new IllegalArgumentException("group k-fold needs 2 <= k <= number of groups (" + sizes.size()
                    + "), got k=" + k);
        }
        List<String> ordered = new ArrayList<>(sizes.keySet());
        ordered.sort((a, b) -> Integer.compare(sizes.get(b), sizes.get(a)));
        long[] load = new long[k];
        Map<String, Integer> foldOf = new TreeMap<>();
        for (String g : ordered) {
            int best = 0;
            for (int f = 1; f < k; f++) {
                if (load[f] < load[best]) {
                    best = f;
                }
            }
            foldOf.put(g, best);
            load[best] += sizes.get(g);
        }
        List<Fold> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int fold = f;
            folds.add(partition(groups.length, i -> foldOf.get(groups[i]) == fold));
        }
        return folds;
    }

    /**
     * Stratified k-fold: each class's samples are shuffled (seeded) and dealt round-robin to the
     * folds, so every fold has about the same class proportions. Ignores groups (speaker-dependent
     * unless each speaker has one sample).
     */
    public static List<Fold> stratifiedKFold(int[] labels, int k, long seed) {
        if (k < 2 || k > labels.length) {
            throw new IllegalArgumentException("k must be in [2, n], got " + k);
        }
        SplitMix64 rng = new SplitMix64(seed);
        int[] foldOf = new int[labels.length];
        int maxLabel = Arrays.stream(labels).max().orElse(0);
        int next = 0;
        for (int c = 0; c <= maxLabel; c++) {
            int cls = c;
            int[] members = java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == cls).toArray();
            rng.shuffle(members);
            for (int m : members) {
                foldOf[m] = next;
                next = (next + 1) % k;
            }
        }
        List<Fold> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int fold = f;
            folds.add(partition(labels.length, i -> foldOf[i] == fold));
        }
        return folds;
    }

    private static Map<String, Integer> countBy(String[] groups) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String g : groups) {
            counts.merge(g, 1, Integer::sum);
        }
        return counts;
    }

    private static Fold partition(int n, java.util.function.IntPredicate isTest) {
        int[] test = java.util.stream.IntStream.range(0, n).filter(isTest).toArray();
        int[] train = java.util.stream.IntStream.range(0, n).filter(i -> !isTest.test(i)).toArray();
        return new Fold(train, test);
    }
}
