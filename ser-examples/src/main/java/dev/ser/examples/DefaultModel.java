package dev.ser.examples;

import dev.ser.models.recognize.EmotionRecognizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The pretrained default model bundled with the command line: an MLP on the classic 193-value
 * vector, trained on RAVDESS, TESS and EMO-DB (see {@code docs/default-model.md}). Trained on
 * non-commercial research corpora: use it for non-commercial purposes only.
 */
public final class DefaultModel {
    /** Classpath location of the bundled model file. */
    public static final String RESOURCE = "/dev/ser/examples/default-model.ser";

    private static volatile EmotionRecognizer instance;

    private DefaultModel() {
    }

    /** Whether this build bundles the default model. */
    public static boolean available() {
        return DefaultModel.class.getResource(RESOURCE) != null;
    }

    /**
     * The default recognizer, loaded once.
     *
     * @throws IllegalStateException if this build has no bundled model
     */
    public static EmotionRecognizer recognizer() {
        EmotionRecognizer r = instance;
        if (r == null) {
            synchronized (DefaultModel.class) {
                r = instance;
                if (r == null) {
                    instance = r = load();
                }
            }
        }
        return r;
    }

    /** The model in {@code modelFile}, or the bundled default one when it is {@code null}. */
    public static EmotionRecognizer orFile(java.nio.file.Path modelFile) throws IOException {
        return modelFile != null ? EmotionRecognizer.load(modelFile) : recognizer();
    }

    private static EmotionRecognizer load() {
        try (InputStream in = DefaultModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("this build has no bundled default model (" + RESOURCE
                        + "); pass --model FILE");
            }
            return EmotionRecognizer.load(in, "bundled default model");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
