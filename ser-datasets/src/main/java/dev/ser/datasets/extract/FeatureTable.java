package dev.ser.datasets.extract;

import dev.ser.datasets.Emotion;
import dev.ser.datasets.Utterance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Feature vectors of a set of utterances: row {@code i} belongs to {@code rows().get(i)}; values are stored
 * row-major in one contiguous array. Immutable (accessors return copies of the numbers).
 */
public final class FeatureTable {
    private final String configurationKey;
    private final List<Utterance> rows;
    private final List<String> columns;
    private final double[] values;

    /**
     * @param configurationKey the {@link FeatureFunction#configurationKey()} that produced the values, or
     *                         {@code ""} when unknown (a table read back from CSV)
     * @param rows             the utterances, one per row
     * @param columns          feature names, one per column
     * @param values           row-major values, {@code rows.size() * columns.size()} long (copied)
     */
    public FeatureTable(String configurationKey, List<Utterance> rows, List<String> columns, double[] values) {
        this.configurationKey = Objects.requireNonNull(configurationKey, "configurationKey");
        this.rows = List.copyOf(rows);
        this.columns = List.copyOf(columns);
        if (values.length != (long) this.rows.size() * this.columns.size()) {
            throw new IllegalArgumentException("values has " + values.length + " entries, expected "
                    + this.rows.size() + " rows x " + this.columns.size() + " columns");
        }
        this.values = values.clone();
    }

    public String configurationKey() {
        return configurationKey;
    }

    public List<Utterance> rows() {
        return rows;
    }

    public List<String> columns() {
        return columns;
    }

    public int rowCount() {
        return rows.size();
    }

    public int dimension() {
        return columns.size();
    }

    /** A copy of row {@code i}'s feature vector. */
    public double[] row(int i) {
        int d = columns.size();
        return Arrays.copyOfRange(values, i * d, (i + 1) * d);
    }

    public double get(int row, int column) {
        return values[row * columns.size() + column];
    }

    /** A copy of all values, row-major. */
    public double[] values() {
        return values.clone();
    }

    /** The emotion of each row. */
    public List<Emotion> labels() {
        return rows.stream().map(Utterance::emotion).toList();
    }

    /** The table restricted to the given utterances (e.g. one side of a split), matched by path, in their order. */
    public FeatureTable select(List<Utterance> subset) {
        Map<Path, Integer> index = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            index.putIfAbsent(rows.get(i).path(), i);
        }
        int d = columns.size();
        double[] out = new double[subset.size() * d];
        List<Utterance> kept = new ArrayList<>();
        int r = 0;
        for (Utterance u : subset) {
            Integer i = index.get(u.path());
            if (i == null) {
                throw new IllegalArgumentException("no row for " + u.path());
            }
            System.arraycopy(values, i * d, out, r++ * d, d);
            kept.add(rows.get(i));
        }
        return new FeatureTable(configurationKey, kept, columns, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureTable t && configurationKey.equals(t.configurationKey) && rows.equals(t.rows)
                && columns.equals(t.columns) && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(configurationKey, rows, columns, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "FeatureTable[" + rows.size() + " x " + columns.size() + ", config " + configurationKey + "]";
    }
}
