package dev.ser.models.eval;

import java.util.List;
import java.util.Objects;

/**
 * Counts of (true class, predicted class) pairs, rows = truth, columns = prediction, with the class
 * names carried along. Immutable.
 *
 * <p>Conventions follow scikit-learn with {@code zero_division=0}: a precision with no predictions,
 * a recall with no support and an F1 whose precision and recall are both 0 are 0. UAR
 * ({@code balanced_accuracy_score}) averages recall over classes that occur in the truth; macro-F1
 * averages F1 over classes that occur in the truth or the predictions.
 */
public final class ConfusionMatrix {

    private final List<String> labels;
    private final long[][] counts;

    /** A matrix from a square count table (copied) and its class names. */
    public ConfusionMatrix(List<String> labels, long[][] counts) {
        this.labels = List.copyOf(labels);
        int k = labels.size();
        if (counts.length != k) {
            throw new IllegalArgumentException(counts.length + " rows for " + k + " labels");
        }
        this.counts = new long[k][];
        for (int i = 0; i < k; i++) {
            if (counts[i].length != k) {
                throw new IllegalArgumentException("row " + i + " has " + counts[i].length + " columns, expected " + k);
            }
            for (long c : counts[i]) {
                if (c < 0) {
                    throw new IllegalArgumentException("negative count " + c);
                }
            }
            this.counts[i] = counts[i].clone();
        }
    }

    /** Tallies true and predicted class indices into {@code [0, labels.size())}. */
    public static ConfusionMatrix of(int[] truth, int[] predicted, List<String> labels) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + predicted.length + " predictions");
        }
        int k = labels.size();
        long[][] c = new long[k][k];
        for (int i = 0; i < truth.length; i++) {
            c[Objects.checkIndex(truth[i], k)][Objects.checkIndex(predicted[i], k)]++;
        }
        return new ConfusionMatrix(labels, c);
    }

    /** Element-wise sum of matrices over the same labels (e.g. pooled over folds). */
    public static ConfusionMatrix sum(List<ConfusionMatrix> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to sum");
        }
        List<String> labels = parts.get(0).labels;
        int k = labels.size();
        long[][] c = new long[k][k];
        for (ConfusionMatrix m : parts) {
            if (!m.labels.equals(labels)) {
                throw new IllegalArgumentException("label sets differ: " + labels + " vs " + m.labels);
            }
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    c[i][j] += m.counts[i][j];
                }
            }
        }
        return new ConfusionMatrix(labels, c);
    }

    /** Class names in index order. */
    public List<String> labels() {
        return labels;
    }

    /** Number of samples of true class {@code truth} predicted as {@code predicted}. */
    public long count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    /** A copy of the count table. */
    public long[][] counts() {
        long[][] c = new long[counts.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = counts[i].clone();
        }
        return c;
    }

    /** Total number of samples. */
    public long total() {
        long t = 0;
        for (long[] row : counts) {
            for (long c : row) {
                t += c;
            }
        }
        return t;
    }

    /** Number of samples whose true class is {@code c}. */
    public long support(int c) {
        long s = 0;
        for (long v : counts[c]) {
            s += v;
        }
        return s;
    }

    /** Number of samples predicted as class {@code c}. */
    public long predictedCount(int c) {
        long s = 0;
        for (long[] row : counts) {
            s += row[c];
        }
        return s;
    }

    /** Fraction correct; 0 for an empty matrix. */
    public double accuracy() {
        long total = total();
        if (total == 0) {
            return 0;
        }
        long diag = 0;
        for (int i = 0; i < counts.length; i++) {
            diag += counts[i][i];
        }
        return (double) diag / total;
    }

    /** Recall of class {@code c}; 0 without support. */
    public double recall(int c) {
        long s = support(c);
        return s == 0 ? 0 : (double) counts[c][c] / s;
    }

    /** Precision of class {@code c}; 0 when never predicted. */
    public double precision(int c) {
        long p = predictedCount(c);
        return p == 0 ? 0 : (double) counts[c][c] / p;
    }

    /** F1 of class {@code c}: {@code 2 tp / (2 tp + fp + fn)}; 0 when undefined. */
    public double f1(int c) {
        long tp = counts[c][c];
        long denom = support(c) + predictedCount(c);
        return denom == 0 ? 0 : 2.0 * tp / denom;
    }

    /** Unweighted average recall over classes with support; 0 for an empty matrix. */
    public double uar() {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < counts.length; c++) {
            if (support(c) > 0) {
                sum += recall(c);
                present++;
            }
        }
        return present == 0 ? 0 : sum / present;
    }

    /** Mean F1 over classes occurring in truth or predictions; 0 for an empty matrix. */
    public double macroF1() {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < counts.length; c++) {
            if (support(c) > 0 || predictedCount(c) > 0) {
                sum += f1(c);
                present++;
            }
        }
        return present == 0 ? 0 : sum / present;
    }

    /** The matrix as a text table with class names (rows: truth, columns: prediction). */
    public String toTable() {
        int w = 6;
        for (String l : labels) {
            w = Math.max(w, l.length() + 1);
        }
        for (long[] row : counts) {
            for (long c : row) {
                w = Math.max(w, Long.toString(c).length() + 1);
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-" + w + "s", "true\\pred"));
        for (String l : labels) {
            sb.append(String.format("%" + (w + 1) + "s", l));
        }
        sb.append('\n');
        for (int i = 0; i < counts.length; i++) {
            sb.append(String.format("%-" + w + "s", labels.get(i)));
            for (long c : counts[i]) {
                sb.append(String.format("%" + (w + 1) + "d", c));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && labels.equals(m.labels) && java.util.Arrays.deepEquals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return 31 * labels.hashCode() + java.util.Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return toTable();
    }
}
