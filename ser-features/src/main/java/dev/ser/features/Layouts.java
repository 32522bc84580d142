package dev.ser.features;

import java.util.ArrayList;
import java.util.List;

/** Builds the {@link FeatureLayout} of a configuration. */
final class Layouts {
    private static final String[] PITCH_CLASSES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

    private Layouts() {
    }

    static FeatureLayout of(FeatureConfig config) {
        List<FeatureLayout.Segment> segments = new ArrayList<>();
        int offset = 0;
        for (Feature f : Feature.values()) {
            if (!config.has(f)) {
                continue;
            }
            int n = config.dimension(f);
            segments.add(new FeatureLayout.Segment(f, offset, n, names(f, n)));
            offset += n;
        }
        return new FeatureLayout(segments);
    }

    private static List<String> names(Feature f, int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String suffix = f == Feature.CHROMA && n == 12 ? PITCH_CLASSES[i] : Integer.toString(i);
            names.add(f.key() + "_" + suffix);
        }
        return names;
    }
}
