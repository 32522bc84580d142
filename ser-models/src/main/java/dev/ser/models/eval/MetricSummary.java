package dev.ser.models.eval;

/**
 * Mean and spread of a metric over folds.
 *
 * @param mean arithmetic mean over folds
 * @param std  population standard deviation over folds ({@code ddof = 0}, as numpy's default)
 * @param min  smallest fold value
 * @param max  largest fold value
 */
public record MetricSummary(double mean, double std, double min, double max) {

    /** The summary of {@code values} (at least one). */
    public static MetricSummary of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double mean = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            mean += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        mean /= values.length;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return new MetricSummary(mean, Math.sqrt(ss / values.length), min, max);
    }
}
