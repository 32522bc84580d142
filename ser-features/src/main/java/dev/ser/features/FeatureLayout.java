package dev.ser.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Which columns of a pooled feature vector (or rows of a frame matrix stack) hold which feature.
 *
 * <p>Segments appear in {@link Feature} order; each has an offset, a length and one name per
 * column ({@code mfcc_0 ... mfcc_39}, {@code chroma_C ... chroma_B}, {@code mel_0 ...},
 * {@code contrast_0 ...}, {@code tonnetz_0 ...}). Immutable.
 */
public final class FeatureLayout {
    /** One feature's contiguous block of columns. */
    public record Segment(Feature feature, int offset, int length, List<String> columnNames) {
        public Segment {
            columnNames = List.copyOf(columnNames);
            if (columnNames.size() != length) {
                throw new IllegalArgumentException("segment " + feature + " has " + length
                        + " columns but " + columnNames.size() + " names");
            }
        }

        /** One past the last column of this segment. */
        public int end() {
            return offset + length;
        }
    }

    private final List<Segment> segments;
    private final List<String> columnNames;

    FeatureLayout(List<Segment> segments) {
        this.segments = List.copyOf(segments);
        List<String> names = new ArrayList<>();
        int expected = 0;
        for (Segment s : segments) {
            if (s.offset() != expected) {
                throw new IllegalArgumentException("segments must be contiguous");
            }
            names.addAll(s.columnNames());
            expected = s.end();
        }
        this.columnNames = Collections.unmodifiableList(names);
    }

    /** The segments in canonical feature order. */
    public List<Segment> segments() {
        return segments;
    }

    /** The segment of {@code feature}. */
    public Segment segment(Feature feature) {
        for (Segment s : segments) {
            if (s.feature() == feature) {
                return s;
            }
        }
        throw new IllegalArgumentException(feature + " is not part of this layout " + features());
    }

    /** Whether the layout contains {@code feature}. */
    public boolean contains(Feature feature) {
        return segments.stream().anyMatch(s -> s.feature() == feature);
    }

    /** The features in canonical order. */
    public List<Feature> features() {
        return segments.stream().map(Segment::feature).toList();
    }

    /** Total number of columns. */
    public int size() {
        return columnNames.size();
    }

    /** All column names, in order. */
    public List<String> columnNames() {
        return columnNames;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureLayout other && other.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(segments);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("FeatureLayout[");
        for (Segment s : segments) {
            if (sb.length() > 14) {
                sb.append(", ");
            }
            sb.append(s.feature().key()).append('(').append(s.length()).append(')');
        }
        return sb.append("; ").append(size()).append(" columns]").toString();
    }
}
