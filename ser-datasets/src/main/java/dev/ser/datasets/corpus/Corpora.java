package dev.ser.datasets.corpus;

import java.util.List;
import java.util.Locale;

/** The built-in corpus adapters, by name. */
public final class Corpora {
    private Corpora() {
    }

    /** Names accepted by {@link #adapter(String)}: ravdess, tess, emodb, savee, cremad, custom. */
    public static List<String> names() {
        return List.of(RavdessAdapter.NAME, TessAdapter.NAME, EmoDbAdapter.NAME, SaveeAdapter.NAME,
                CremaDAdapter.NAME, CustomAdapter.NAME);
    }

    /**
     * The adapter for a corpus name (case-insensitive; {@code emo-db} and {@code crema-d} also accepted).
     *
     * @throws IllegalArgumentException naming the accepted names when the name is unknown
     */
    public static CorpusAdapter adapter(String name) {
        return switch (name.toLowerCase(Locale.ROOT).replace("-", "")) {
            case RavdessAdapter.NAME -> new RavdessAdapter();
            case TessAdapter.NAME -> new TessAdapter();
            case EmoDbAdapter.NAME -> new EmoDbAdapter();
            case SaveeAdapter.NAME -> new SaveeAdapter();
            case CremaDAdapter.NAME -> new CremaDAdapter();
            case CustomAdapter.NAME -> new CustomAdapter();
            default -> throw new IllegalArgumentException("unknown corpus '" + name + "'; known: " + names());
        };
    }
}
