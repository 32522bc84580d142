package dev.ser.models.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Evaluation of one classifier on one test set: the confusion matrix, the metrics derived from
 * it and the kind of split that separated test from training data.
 *
 * @param splitKind how the test data were separated from the training data
 * @param confusion the confusion matrix (labels carried along)
 */
public record EvaluationReport(SplitKind splitKind, ConfusionMatrix confusion) {

    public EvaluationReport {
        Objects.requireNonNull(splitKind, "splitKind");
        Objects.requireNonNull(confusion, "confusion");
    }

    /** Fraction correct. */
    public double accuracy() {
        return confusion.accuracy();
    }

    /** Unweighted average recall. */
    public double uar() {
        return confusion.uar();
    }

    /** Macro-averaged F1. */
    public double macroF1() {
        return confusion.macroF1();
    }

    /** The value of {@code metric}. */
    public double metric(Metric metric) {
        return metric.of(confusion);
    }

    /** Whether the report comes from a speaker-independent split. */
    public boolean speakerIndependent() {
        return splitKind == SplitKind.SPEAKER_INDEPENDENT;
    }

    /** Precision, recall, F1 and support of every class, in label order. */
    public List<ClassMetrics> perClass() {
        List<ClassMetrics> out = new ArrayList<>();
        for (int c = 0; c < confusion.labels().size(); c++) {
            out.add(new ClassMetrics(confusion.labels().get(c), confusion.precision(c), confusion.recall(c),
                    confusion.f1(c), confusion.support(c)));
        }
        return out;
    }

    /** A plain-text report: split kind, summary metrics, per-class table and confusion matrix. */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "split: %s, samples: %d%n", splitKind, confusion.total()));
        sb.append(String.format(Locale.ROOT, "accuracy %.4f  UAR %.4f  macro-F1 %.4f%n", accuracy(), uar(), macroF1()));
        int w = 9;
        for (String l : confusion.labels()) {
            w = Math.max(w, l.length() + 1);
        }
        sb.append(String.format(Locale.ROOT, "%-" + w + "s %9s %9s %9s %9s%n", "class", "precision", "recall", "f1",
                "support"));
        for (ClassMetrics m : perClass()) {
            sb.append(String.format(Locale.ROOT, "%-" + w + "s %9.4f %9.4f %9.4f %9d%n", m.label(), m.precision(),
                    m.recall(), m.f1(), m.support()));
        }
        sb.append(confusion.toTable());
        return sb.toString();
    }

    @Override
    public String toString() {
        return toTable();
    }
}
