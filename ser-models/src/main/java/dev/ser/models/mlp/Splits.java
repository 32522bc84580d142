package dev.ser.models.mlp;

import dev.ser.models.util.SplitMix64;
import java.util.Arrays;

/** The stratified hold-out split used for early stopping. */
final class Splits {

    private Splits() {
    }

    /**
     * Splits sample indices into {@code [train, validation]} with {@code ceil(fraction * n)}
     * validation samples allocated to classes in proportion to their counts (largest remainders
     * first, ties to the lower class index), each class's members chosen at random. Both parts
     * are returned in ascending order.
     *
     * @throws IllegalArgumentException when the validation or training part would have fewer
     *                                  samples than there are classes present (as scikit-learn)
     */
    static int[][] stratifiedHoldOut(int[] labels, int numClasses, double fraction, SplitMix64 rng) {
        int n = labels.length;
        int[] counts = new int[numClasses];
        for (int y : labels) {
            counts[y]++;
        }
        int present = (int) Arrays.stream(counts).filter(c -> c > 0).count();
        int nVal = (int) Math.ceil(fraction * n);
        if (nVal < present || n - nVal < present) {
            throw new IllegalArgumentException("early stopping: a validation split of " + nVal + " from " + n
                    + " samples cannot hold every one of the " + present + " classes; use more data or "
                    + "another validation_fraction");
        }
        int[] alloc = new int[numClasses];
        double[] rest = new double[numClasses];
        int assigned = 0;
        for (int c = 0; c < numClasses; c++) {
            double exact = (double) nVal * counts[c] / n;
            alloc[c] = (int) Math.floor(exact);
            rest[c] = exact - alloc[c];
            assigned += alloc[c];
        }
        while (assigned < nVal) {
            int best = -1;
            for (int c = 0; c < numClasses; c++) {
                if (alloc[c] < counts[c] && (best < 0 || rest[c] > rest[best])) {
                    best = c;
                }
            }
            alloc[best]++;
            rest[best] = -1;
            assigned++;
        }
        boolean[] isVal = new boolean[n];
        for (int c = 0; c < numClasses; c++) {
            int[] members = new int[counts[c]];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (labels[i] == c) {
                    members[m++] = i;
                }
            }
            rng.shuffle(members);
            for (int i = 0; i < alloc[c]; i++) {
                isVal[members[i]] = true;
            }
        }
        int[] train = new int[n - nVal];
        int[] val = new int[nVal];
        int a = 0;
        int b = 0;
        for (int i = 0; i < n; i++) {
            if (isVal[i]) {
                val[b++] = i;
            } else {
                train[a++] = i;
            }
        }
        return new int[][] {train, val};
    }
}
