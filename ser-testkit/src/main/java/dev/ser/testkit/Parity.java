package dev.ser.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.junit.jupiter.api.Assertions;

/**
 * Parity assertions against librosa references, with the bar of
 * {@code testdata/librosa-ref/README.md}: {@code max |actual - expected| <= bar * scale}, where
 * {@code scale = max |expected|} (or 1 where the reference is all zeros, so silence must come out
 * as silence within {@code bar}).
 *
 * <p>Every comparison is appended to {@code target/parity-report.md} of the module under test,
 * one line per case with its worst error relative to scale, and printed, so the test report
 * lists each case with its margin.
 */
public final class Parity {
    /** The float64 bar: {@code 1e-6 * scale}. */
    public static final double FLOAT64_BAR = 1e-6;

    private static final Path REPORT = Paths.get("target", "parity-report.md");
    private static boolean headerWritten;

    private Parity() {
    }

    /** Asserts element-wise agreement of two arrays of the same length. */
    public static double assertClose(String caseId, double[] expected, double[] actual, double bar) {
        Assertions.assertEquals(expected.length, actual.length, caseId + ": length");
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        double worst = 0;
        int worstAt = -1;
        for (int i = 0; i < expected.length; i++) {
            double e = Math.abs(actual[i] - expected[i]);
            if (!(e <= worst)) { // NaN counts as the worst
                worst = Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
                worstAt = i;
            }
        }
        double effectiveScale = scale > 0 ? scale : 1.0;
        double relative = worst / effectiveScale;
        record(caseId, relative, bar, scale);
        if (!(relative <= bar)) {
            Assertions.fail(String.format(Locale.ROOT,
                    "%s: worst error %.3e relative to scale %.3e (at flat index %d: expected %.9g, got %.9g) exceeds bar %.1e",
                    caseId, relative, scale, worstAt, expected[worstAt], actual[worstAt], bar));
        }
        return relative;
    }

    /**
     * Asserts {@code |actual[i] - expected[i]| <= bar * max(1, |expected[i]|)} for every value: the
     * bar of the {@code seed_vectors_float32} references (absolute for small values, relative for
     * large ones). Logs and returns the worst ratio of error to allowance, in units of {@code bar}
     * (so a value at or below 1 passes).
     */
    public static double assertCloseMixed(String caseId, double[] expected, double[] actual, double bar) {
        Assertions.assertEquals(expected.length, actual.length, caseId + ": length");
        double worst = 0;
        int worstAt = -1;
        for (int i = 0; i < expected.length; i++) {
            double ratio = Math.abs(actual[i] - expected[i]) / Math.max(1.0, Math.abs(expected[i]));
            if (!(ratio <= worst)) {
                worst = Double.isNaN(ratio) ? Double.POSITIVE_INFINITY : ratio;
                worstAt = i;
            }
        }
        record(caseId, worst, bar, Double.NaN);
        if (!(worst <= bar)) {
            Assertions.fail(String.format(Locale.ROOT,
                    "%s: worst error %.3e of max(1, |ref|) (at index %d: expected %.9g, got %.9g) exceeds bar %.1e",
                    caseId, worst, worstAt, expected[worstAt], actual[worstAt], bar));
        }
        return worst;
    }

    /**
     * Asserts agreement of a computed array (row-major, of shape {@code actualShape}) with a
     * reference of the same shape.
     */
    public static double assertClose(String caseId, NpyArray expected, int[] actualShape, double[] actual,
                                     double bar) {
        Assertions.assertArrayEquals(expected.shape(), actualShape, caseId + ": shape");
        return assertClose(caseId, expected.values(), actual, bar);
    }

    private static synchronized void record(String caseId, double relative, double bar, double scale) {
        String line = String.format(Locale.ROOT, "| %s | %.3e | %.1e | %.4g | %s |%n",
                caseId, relative, bar, scale, relative <= bar ? "ok" : "FAIL");
        System.out.print("parity " + line);
        try {
            Files.createDirectories(REPORT.getParent());
            if (!headerWritten) {
                headerWritten = true;
                if (!Files.exists(REPORT)) {
                    Files.writeString(REPORT, "| case | worst error / scale | bar | scale | result |\n|---|---|---|---|---|\n",
                            StandardCharsets.UTF_8);
                }
            }
            Files.writeString(REPORT, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
