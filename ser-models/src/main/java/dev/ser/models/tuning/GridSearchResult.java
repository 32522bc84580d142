package dev.ser.models.tuning;

import dev.ser.models.eval.CrossValidationResult;
import dev.ser.models.eval.Metric;
import dev.ser.models.eval.MetricSummary;
import java.util.List;
import java.util.Locale;

/**
 * Every candidate's cross-validation result and the best candidate by the chosen metric.
 *
 * @param metric  the selection metric
 * @param entries one entry per candidate, in candidate order
 * @param <C>     configuration type
 */
public record GridSearchResult<C>(Metric metric, List<Entry<C>> entries) {

    /**
     * One candidate.
     *
     * @param config the configuration
     * @param cv     its cross-validation result
     */
    public record Entry<C>(C config, CrossValidationResult cv) {
        /** Mean and spread of {@code m} over folds. */
        public MetricSummary summary(Metric m) {
            return cv.summary(m);
        }
    }

    public GridSearchResult {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no entries");
        }
    }

    /** The entry with the highest mean of {@link #metric()} (the first on ties). */
    public Entry<C> best() {
        Entry<C> best = entries.get(0);
        for (Entry<C> e : entries) {
            if (e.summary(metric).mean() > best.summary(metric).mean()) {
                best = e;
            }
        }
        return best;
    }

    /** A text table: one row per candidate with mean +- std of each metric; the best is marked. */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        Entry<C> best = best();
        sb.append(String.format(Locale.ROOT, "grid search: %d candidates, selected by %s%n", entries.size(), metric));
        for (int i = 0; i < entries.size(); i++) {
            Entry<C> e = entries.get(i);
            sb.append(e == best ? "* " : "  ").append(String.format(Locale.ROOT, "%3d", i));
            for (Metric m : Metric.values()) {
                MetricSummary s = e.summary(m);
                sb.append(String.format(Locale.ROOT, "  %s %.4f +- %.4f", m, s.mean(), s.std()));
            }
            sb.append("  ").append(e.config()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toTable();
    }
}
