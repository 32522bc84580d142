package dev.ser.models.eval;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Results of cross-validation: one report per fold (in fold order), the pooled confusion matrix and
 * the mean and spread of every metric over folds.
 *
 * @param splitKind the kind of split the folds implement
 * @param folds     per-fold reports, in the order of the supplied folds
 */
public record CrossValidationResult(SplitKind splitKind, List<EvaluationReport> folds) {

    public CrossValidationResult {
        folds = List.copyOf(folds);
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("no folds");
        }
    }

    /** Mean and spread of {@code metric} over folds. */
    public MetricSummary summary(Metric metric) {
        double[] v = new double[folds.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = folds.get(i).metric(metric);
        }
        return MetricSummary.of(v);
    }

    /** Summaries of every metric. */
    public Map<Metric, MetricSummary> summaries() {
        Map<Metric, MetricSummary> m = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            m.put(metric, summary(metric));
        }
        return m;
    }

    /** The confusion matrices of all folds added together. */
    public ConfusionMatrix pooledConfusion() {
        return ConfusionMatrix.sum(folds.stream().map(EvaluationReport::confusion).toList());
    }

    /** A text table: one row per fold and the mean +- std of each metric. */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "cross-validation: %d folds, split: %s%n", folds.size(), splitKind));
        sb.append(String.format(Locale.ROOT, "%-6s %8s %9s %8s %8s%n", "fold", "samples", "accuracy", "UAR",
                "macro-F1"));
        for (int i = 0; i < folds.size(); i++) {
            EvaluationReport r = folds.get(i);
            sb.append(String.format(Locale.ROOT, "%-6d %8d %9.4f %8.4f %8.4f%n", i, r.confusion().total(),
                    r.accuracy(), r.uar(), r.macroF1()));
        }
        MetricSummary a = summary(Metric.ACCURACY);
        MetricSummary u = summary(Metric.UAR);
        MetricSummary f = summary(Metric.MACRO_F1);
        sb.append(String.format(Locale.ROOT, "%-6s %8s %9s %8s %8s%n", "mean", "", fmt(a.mean()), fmt(u.mean()),
                fmt(f.mean())));
        sb.append(String.format(Locale.ROOT, "%-6s %8s %9s %8s %8s%n", "std", "", fmt(a.std()), fmt(u.std()),
                fmt(f.std())));
        return sb.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    @Override
    public String toString() {
        return toTable();
    }
}
