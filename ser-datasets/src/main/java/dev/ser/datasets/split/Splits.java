package dev.ser.datasets.split;

import dev.ser.datasets.Emotion;
import dev.ser.datasets.Partition;
import dev.ser.datasets.Utterance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Builders for every kind of {@link Split}. All randomised splits are deterministic for a given seed and input
 * order; each side keeps the input's relative order. Speakers are identified by {@link Utterance#speakerKey()}
 * so that equal ids in different corpora stay different people.
 */
public final class Splits {
    /** Random speaker orders tried by {@link #speakerHoldout}; more only refines the stratification. */
    static final int HOLDOUT_ATTEMPTS = 512;

    private Splits() {
    }

    /**
     * A random split stratified by emotion: in each class, {@code round(n * testFraction)} utterances go to test
     * (at least one on each side when the class has two or more). Speakers are on both sides, so the result is
     * labelled {@link SplitKind#SPEAKER_DEPENDENT}; accuracies measured on it overestimate unseen-speaker accuracy.
     *
     * @param testFraction in (0, 1)
     */
    public static Split stratifiedRandom(List<Utterance> data, double testFraction, long seed) {
        checkFraction(testFraction);
        Random rnd = new Random(seed);
        boolean[] isTest = new boolean[data.size()];
        for (List<Integer> idx : indicesByEmotion(data).values()) {
            List<Integer> shuffled = new ArrayList<>(idx);
            Collections.shuffle(shuffled, rnd);
            int n = shuffled.size();
            int nTest = (int) Math.round(n * testFraction);
            if (n >= 2) {
                nTest = Math.max(1, Math.min(n - 1, nTest));
            }
            for (int i = 0; i < nTest; i++) {
                isTest[shuffled.get(i)] = true;
            }
        }
        return fromMask(SplitKind.SPEAKER_DEPENDENT,
                "stratified random, test fraction " + testFraction + ", seed " + seed, -1, data, isTest);
    }

    /**
     * Holds out whole speakers for test. Among {@value #HOLDOUT_ATTEMPTS} seeded random speaker orders, speakers
     * are added to the test side until it reaches {@code testFraction} of the utterances; the candidate whose
     * size is nearest the target and whose emotion proportions are nearest the whole data's is kept (stratified
     * as far as whole speakers allow). At least one speaker ends up on each side.
     *
     * @throws SplitException with fewer than two speakers
     */
    public static Split speakerHoldout(List<Utterance> data, double testFraction, long seed) {
        checkFraction(testFraction);
        Map<String, List<Integer>> bySpeaker = indicesBySpeaker(data);
        if (bySpeaker.size() < 2) {
            throw new SplitException("a speaker-independent split needs at least two speakers, found "
                    + bySpeaker.size() + " " + bySpeaker.keySet());
        }
        ClassCounts counts = new ClassCounts(data, bySpeaker);
        List<String> speakers = new ArrayList<>(bySpeaker.keySet());
        // data.size() * testFraction carries rounding error (7 * 0.1 / 0.1 may be 7.000000000000001):
        // a target within 1e-9 utterances of a whole number counts as that number
        double target = data.size() * testFraction - 1e-9;
        Random rnd = new Random(seed);
        List<String> best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int attempt = 0; attempt < HOLDOUT_ATTEMPTS; attempt++) {
            List<String> order = new ArrayList<>(speakers);
            Collections.shuffle(order, rnd);
            List<String> test = new ArrayList<>();
            int size = 0;
            // Always leave at least one speaker for training.
            for (int i = 0; i < order.size() - 1 && (test.isEmpty() || size < target); i++) {
                test.add(order.get(i));
                size += bySpeaker.get(order.get(i)).size();
            }
            double score = Math.abs(size - target) / data.size() + counts.distance(test);
            if (score < bestScore) {
                bestScore = score;
                best = test;
            }
        }
        boolean[] isTest = new boolean[data.size()];
        for (String s : best) {
            bySpeaker.get(s).forEach(i -> isTest[i] = true);
        }
        return fromMask(SplitKind.SPEAKER_INDEPENDENT_HOLDOUT,
                "speaker hold-out, test fraction " + testFraction + ", seed " + seed, -1, data, isTest);
    }

    /**
     * K-fold cross-validation grouped by speaker: every speaker's utterances are in exactly one test fold.
     * Speakers are taken largest first (ties in seeded random order); the k largest seed the k folds, each
     * further speaker joins the fold whose per-emotion counts stay closest to an even share.
     *
     * @throws SplitException if {@code k < 2} or there are fewer than {@code k} speakers
     */
    public static CrossValidation speakerKFold(List<Utterance> data, int k, long seed) {
        Map<String, List<Integer>> bySpeaker = indicesBySpeaker(data);
        if (k < 2) {
            throw new SplitException("k-fold needs k >= 2, got " + k);
        }
        if (bySpeaker.size() < k) {
            throw new SplitException(k + "-fold grouped by speaker needs at least " + k + " speakers, found "
                    + bySpeaker.size());
        }
        ClassCounts counts = new ClassCounts(data, bySpeaker);
        List<String> order = new ArrayList<>(bySpeaker.keySet());
        Collections.shuffle(order, new Random(seed));
        order.sort(Comparator.comparingInt((String s) -> bySpeaker.get(s).size()).reversed()); // stable
        int[][] foldCounts = new int[k][counts.classes()];
        int[] foldOf = new int[data.size()];
        for (int n = 0; n < order.size(); n++) {
            String s = order.get(n);
            int f = n < k ? n : counts.bestFold(foldCounts, s, k);
            counts.add(foldCounts[f], s);
            for (int i : bySpeaker.get(s)) {
                foldOf[i] = f;
            }
        }
        String desc = k + "-fold grouped by speaker, seed " + seed;
        List<Split> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            boolean[] isTest = new boolean[data.size()];
            for (int i = 0; i < isTest.length; i++) {
                isTest[i] = foldOf[i] == f;
            }
            folds.add(fromMask(SplitKind.SPEAKER_GROUPED_KFOLD, desc, f, data, isTest));
        }
        return new CrossValidation(SplitKind.SPEAKER_GROUPED_KFOLD, desc, folds);
    }

    /**
     * Leave-one-speaker-out: one fold per speaker (in sorted speaker-key order), that speaker alone on the test
     * side.
     *
     * @throws SplitException with fewer than two speakers
     */
    public static CrossValidation leaveOneSpeakerOut(List<Utterance> data) {
        Map<String, List<Integer>> bySpeaker = indicesBySpeaker(data);
        if (bySpeaker.size() < 2) {
            throw new SplitException("leave-one-speaker-out needs at least two speakers, found " + bySpeaker.size());
        }
        List<Split> folds = new ArrayList<>();
        int f = 0;
        for (Map.Entry<String, List<Integer>> e : bySpeaker.entrySet()) {
            boolean[] isTest = new boolean[data.size()];
            e.getValue().forEach(i -> isTest[i] = true);
            folds.add(fromMask(SplitKind.LEAVE_ONE_SPEAKER_OUT, "test speaker " + e.getKey(), f++, data, isTest));
        }
        return new CrossValidation(SplitKind.LEAVE_ONE_SPEAKER_OUT, "leave one speaker out, "
                + bySpeaker.size() + " speakers", folds);
    }

    /**
     * The split predefined by the corpus layout ({@link Utterance#partition()}, e.g. custom {@code train/} and
     * {@code test/} folders).
     *
     * @throws SplitException if any utterance has no predefined partition, naming the first such file
     */
    public static Split predefined(List<Utterance> data) {
        boolean[] isTest = new boolean[data.size()];
        long missing = data.stream().filter(u -> u.partition() == null).count();
        if (missing > 0) {
            Utterance first = data.stream().filter(u -> u.partition() == null).findFirst().orElseThrow();
            throw new SplitException(missing + " utterances have no predefined train/test partition, first "
                    + first.path());
        }
        for (int i = 0; i < isTest.length; i++) {
            isTest[i] = data.get(i).partition() == Partition.TEST;
        }
        return fromMask(SplitKind.PREDEFINED, "predefined train/test folders", -1, data, isTest);
    }

    private static Split fromMask(SplitKind kind, String desc, int fold, List<Utterance> data, boolean[] isTest) {
        List<Utterance> train = new ArrayList<>();
        List<Utterance> test = new ArrayList<>();
        for (int i = 0; i < isTest.length; i++) {
            (isTest[i] ? test : train).add(data.get(i));
        }
        return new Split(kind, desc, fold, train, test);
    }

    private static void checkFraction(double f) {
        if (!(f > 0 && f < 1)) {
            throw new SplitException("test fraction must be in (0, 1), got " + f);
        }
    }

    private static Map<Emotion, List<Integer>> indicesByEmotion(List<Utterance> data) {
        Map<Emotion, List<Integer>> m = new TreeMap<>();
        for (int i = 0; i < data.size(); i++) {
            m.computeIfAbsent(data.get(i).emotion(), e -> new ArrayList<>()).add(i);
        }
        return m;
    }

    /** Sorted by speaker key so that results do not depend on hash order. */
    static Map<String, List<Integer>> indicesBySpeaker(List<Utterance> data) {
        Map<String, List<Integer>> m = new TreeMap<>();
        for (int i = 0; i < data.size(); i++) {
            m.computeIfAbsent(data.get(i).speakerKey(), s -> new ArrayList<>()).add(i);
        }
        return new LinkedHashMap<>(m);
    }
}
