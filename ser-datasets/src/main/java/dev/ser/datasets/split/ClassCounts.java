package dev.ser.datasets.split;

import dev.ser.datasets.Utterance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Per-speaker emotion counts, for scoring how well a group of speakers preserves the class proportions. */
final class ClassCounts {
    private final int total;
    private final int[] overall;
    private final Map<String, int[]> perSpeaker = new HashMap<>();

    ClassCounts(List<Utterance> data, Map<String, List<Integer>> bySpeaker) {
        int nClasses = dev.ser.datasets.Emotion.values().length;
        overall = new int[nClasses];
        total = data.size();
        for (Map.Entry<String, List<Integer>> e : bySpeaker.entrySet()) {
            int[] c = new int[nClasses];
            for (int i : e.getValue()) {
                int k = data.get(i).emotion().ordinal();
                c[k]++;
                overall[k]++;
            }
            perSpeaker.put(e.getKey(), c);
        }
    }

    int classes() {
        return overall.length;
    }

    /** Half the L1 distance between the group's emotion proportions and the whole data's (0 = identical, 1 = disjoint). */
    double distance(List<String> group) {
        int[] c = new int[overall.length];
        int n = 0;
        for (String s : group) {
            n += add(c, s);
        }
        if (n == 0) {
            return 1;
        }
        double d = 0;
        for (int k = 0; k < c.length; k++) {
            d += Math.abs((double) c[k] / n - (double) overall[k] / total);
        }
        return d / 2;
    }

    /** Adds speaker s's counts into {@code into}; returns how many utterances that was. */
    int add(int[] into, String s) {
        int[] c = perSpeaker.get(s);
        int n = 0;
        for (int k = 0; k < c.length; k++) {
            into[k] += c[k];
            n += c[k];
        }
        return n;
    }

    /** The fold whose per-class counts, with speaker s added, deviate least (squared) from an even 1/k share. */
    int bestFold(int[][] folds, String s, int k) {
        int[] c = perSpeaker.get(s);
        int best = 0;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int f = 0; f < folds.length; f++) {
            double cost = 0;
            for (int j = 0; j < c.length; j++) {
                double dev = folds[f][j] + c[j] - (double) overall[j] / k;
                double devWithout = folds[f][j] - (double) overall[j] / k;
                cost += dev * dev - devWithout * devWithout; // change in squared deviation
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = f;
            }
        }
        return best;
    }
}
