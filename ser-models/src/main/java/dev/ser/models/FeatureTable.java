package dev.ser.models;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A labelled feature matrix: {@code n} samples by {@code d} features (row-major {@code double}),
 * one class index per sample into {@link #labelNames()}, optional group (speaker) ids and the
 * feature column names.
 *
 * <p>Immutable: the constructor copies its arrays and accessors never expose internal state except
 * {@link #rawData()}, which callers must treat as read-only.
 */
public final class FeatureTable {

    private final double[] data;
    private final int rows;
    private final int cols;
    private final int[] labels;
    private final List<String> labelNames;
    private final String[] groups;
    private final List<String> featureNames;

    /**
     * @param data         row-major {@code rows x cols} feature values (copied)
     * @param rows         number of samples, at least 1
     * @param cols         number of features, at least 1
     * @param labels       class index of each sample, in {@code [0, labelNames.size())} (copied)
     * @param labelNames   the class names, distinct, at least one
     * @param groups       group (speaker) id of each sample, or {@code null} when unknown (copied)
     * @param featureNames one name per column, or {@code null} for {@code f0, f1, ...}
     */
    public FeatureTable(double[] data, int rows, int cols, int[] labels, List<String> labelNames,
                        String[] groups, List<String> featureNames) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a feature table needs at least one row and column, got "
                    + rows + " x " + cols);
        }
        if (data.length != (long) rows * cols) {
            throw new IllegalArgumentException("data has " + data.length + " values, expected "
                    + rows + " x " + cols);
        }
        if (labels.length != rows) {
            throw new IllegalArgumentException(labels.length + " labels for " + rows + " rows");
        }
        if (labelNames.isEmpty() || labelNames.stream().distinct().count() != labelNames.size()) {
            throw new IllegalArgumentException("label names must be non-empty and distinct: " + labelNames);
        }
        for (int i = 0; i < rows; i++) {
            if (labels[i] < 0 || labels[i] >= labelNames.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of row " + i
                        + " outside [0, " + labelNames.size() + ")");
            }
        }
        if (groups != null && groups.length != rows) {
            throw new IllegalArgumentException(groups.length + " group ids for " + rows + " rows");
        }
        if (featureNames != null && featureNames.size() != cols) {
            throw new IllegalArgumentException(featureNames.size() + " feature names for " + cols + " columns");
        }
        this.data = data.clone();
        this.rows = rows;
        this.cols = cols;
        this.labels = labels.clone();
        this.labelNames = List.copyOf(labelNames);
        this.groups = groups == null ? null : groups.clone();
        this.featureNames = featureNames == null ? defaultNames(cols) : List.copyOf(featureNames);
    }

    /** A table from an array of rows (copied), with default feature names and no groups. */
    public static FeatureTable of(double[][] x, int[] labels, List<String> labelNames) {
        return of(x, labels, labelNames, null);
    }

    /** A table from an array of rows (copied) with group ids (may be {@code null}). */
    public static FeatureTable of(double[][] x, int[] labels, List<String> labelNames, String[] groups) {
        if (x.length == 0) {
            throw new IllegalArgumentException("no rows");
        }
        int d = x[0].length;
        double[] flat = new double[x.length * d];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("row " + i + " has " + x[i].length + " values, expected " + d);
            }
            System.arraycopy(x[i], 0, flat, i * d, d);
        }
        return new FeatureTable(flat, x.length, d, labels, labelNames, groups, null);
    }

    private static List<String> defaultNames(int cols) {
        List<String> names = new ArrayList<>(cols);
        for (int j = 0; j < cols; j++) {
            names.add("f" + j);
        }
        return List.copyOf(names);
    }

    /** Number of samples. */
    public int rows() {
        return rows;
    }

    /** Number of features per sample. */
    public int cols() {
        return cols;
    }

    /** Number of classes, {@code labelNames().size()}. */
    public int numClasses() {
        return labelNames.size();
    }

    /** The internal row-major data: read-only by contract (no copy, for speed). */
    public double[] rawData() {
        return data;
    }

    /** Feature value of sample {@code i}, column {@code j}. */
    public double get(int i, int j) {
        Objects.checkIndex(j, cols);
        return data[Objects.checkIndex(i, rows) * cols + j];
    }

    /** A copy of row {@code i}. */
    public double[] row(int i) {
        Objects.checkIndex(i, rows);
        return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }

    /** Class index of sample {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** A copy of all class indices. */
    public int[] labels() {
        return labels.clone();
    }

    /** The class names; class index {@code c} is {@code labelNames().get(c)}. */
    public List<String> labelNames() {
        return labelNames;
    }

    /** Whether group (speaker) ids are present. */
    public boolean hasGroups() {
        return groups != null;
    }

    /** Group id of sample {@code i}, if groups are present. */
    public Optional<String> group(int i) {
        return groups == null ? Optional.empty() : Optional.of(groups[i]);
    }

    /** A copy of the group ids, or empty when absent. */
    public Optional<String[]> groups() {
        return groups == null ? Optional.empty() : Optional.of(groups.clone());
    }

    /** The feature column names. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** Number of samples per class. */
    public int[] classCounts() {
        int[] counts = new int[labelNames.size()];
        for (int y : labels) {
            counts[y]++;
        }
        return counts;
    }

    /** The rows at {@code indices} (in that order, repetitions allowed), keeping labels and names. */
    public FeatureTable subset(int[] indices) {
        double[] sub = new double[indices.length * cols];
        int[] y = new int[indices.length];
        String[] g = groups == null ? null : new String[indices.length];
        for (int r = 0; r < indices.length; r++) {
            int i = Objects.checkIndex(indices[r], rows);
            System.arraycopy(data, i * cols, sub, r * cols, cols);
            y[r] = labels[i];
            if (g != null) {
                g[r] = groups[i];
            }
        }
        return new FeatureTable(sub, indices.length, cols, y, labelNames, g, featureNames);
    }

    /** The same samples with every feature row replaced (same shape), e.g. after scaling. */
    public FeatureTable withData(double[] newData) {
        return new FeatureTable(newData, rows, cols, labels, labelNames, groups, featureNames);
    }

    /**
     * SHA-256 (hex) over the shape, the little-endian IEEE-754 features, the labels, the label
     * names and the group ids: identifies a training set in model provenance.
     */
    public String sha256() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(8 * Math.max(cols, 2)).order(ByteOrder.LITTLE_ENDIAN);
            buf.putInt(rows).putInt(cols);
            md.update(buf.array(), 0, 8);
            for (int i = 0; i < rows; i++) {
                buf.clear();
                for (int j = 0; j < cols; j++) {
                    buf.putDouble(data[i * cols + j]);
                }
                md.update(buf.array(), 0, 8 * cols);
            }
            ByteBuffer lab = ByteBuffer.allocate(4 * rows).order(ByteOrder.LITTLE_ENDIAN);
            for (int y : labels) {
                lab.putInt(y);
            }
            md.update(lab.array());
            for (String name : labelNames) {
                md.update(name.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            if (groups != null) {
                for (String g : groups) {
                    md.update(g.getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
