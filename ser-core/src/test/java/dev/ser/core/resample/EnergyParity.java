package dev.ser.core.resample;

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
 * The bar for signals downstream of soxr: the error energy must lie at least {@code minDb} below
 * the reference's energy, {@code 10 log10(sum ref^2 / sum (actual - ref)^2) >= minDb}. Each case
 * is appended to {@code target/parity-report.md} next to the element-wise cases of
 * {@link dev.ser.testkit.Parity}.
 */
final class EnergyParity {
    /** The README's bar for resampled signals. */
    static final double SOXR_MIN_DB = 60.0;

    private static final Path REPORT = Paths.get("target", "parity-report.md");

    private EnergyParity() {
    }

    /** The signal-to-error ratio in dB ({@code +Infinity} for an exact match). */
    static double errorRatioDb(double[] expected, double[] actual) {
        double signal = 0;
        double error = 0;
        for (int i = 0; i < expected.length; i++) {
            double d = actual[i] - expected[i];
            signal += expected[i] * expected[i];
            error += d * d;
        }
        if (Double.isNaN(error)) {
            return Double.NEGATIVE_INFINITY;
        }
        return 10 * Math.log10(signal / error);
    }

    static double assertErrorEnergyBelow(String caseId, double[] expected, double[] actual, double minDb) {
        Assertions.assertEquals(expected.length, actual.length, caseId + ": length");
        double db = errorRatioDb(expected, actual);
        record(caseId, db, minDb);
        if (!(db >= minDb)) {
            Assertions.fail(String.format(Locale.ROOT,
                    "%s: error energy only %.2f dB below the reference energy, bar %.1f dB", caseId, db, minDb));
        }
        return db;
    }

    private static synchronized void record(String caseId, double db, double minDb) {
        String line = String.format(Locale.ROOT, "| %s | error energy %.2f dB below signal | >= %.0f dB | | %s |%n",
                caseId, db, minDb, db >= minDb ? "ok" : "FAIL");
        System.out.print("parity " + line);
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
