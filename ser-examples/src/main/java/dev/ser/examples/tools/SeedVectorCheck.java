package dev.ser.examples.tools;

import dev.ser.features.FeatureExtractor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the classic 193-value vector of every file behind librosa's {@code seed_vectors_float32}
 * against a local copy of the corpora — the part of that parity check that cannot run in CI,
 * since TESS and EMO-DB may not be redistributed.
 *
 * <p>Usage: {@code SeedVectorCheck LIBROSA_REF_DIR DATA_DIR} (from the repository root:
 * {@code ../shared/librosa-ref ../shared/data}). Prints each file's worst error relative to
 * {@code max(1, |ref|)} and exits 1 if any value misses the {@code 1e-4} bar.
 */
public final class SeedVectorCheck {
    private static final double BAR = 1e-4;

    private SeedVectorCheck() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SeedVectorCheck LIBROSA_REF_DIR DATA_DIR");
            System.exit(2);
        }
        Path refDir = Path.of(args[0]);
        Path dataDir = Path.of(args[1]);
        List<String> files = seedFiles(Files.readString(refDir.resolve("index.json"), StandardCharsets.UTF_8));
        double[][] reference = readFloat64Matrix(refDir.resolve("out").resolve("seed_vectors_float32.npy"), files.size());
        int failures = 0;
        double overall = 0;
        for (int i = 0; i < files.size(); i++) {
            double[] actual = FeatureExtractor.classic().extract(dataDir.resolve(files.get(i))).pooled().values();
            double worst = 0;
            int worstAt = 0;
            for (int k = 0; k < actual.length; k++) {
                double e = Math.abs(actual[k] - reference[i][k]) / Math.max(1, Math.abs(reference[i][k]));
                if (!(e <= worst)) {
                    worst = Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
                    worstAt = k;
                }
            }
            overall = Math.max(overall, worst);
            boolean ok = worst <= BAR;
            failures += ok ? 0 : 1;
            System.out.printf(Locale.ROOT, "%-50s worst %.3e at column %3d  %s%n", files.get(i), worst, worstAt,
                    ok ? "ok" : "FAIL");
        }
        System.out.printf(Locale.ROOT, "%d files, %d over the bar %.0e, worst %.3e%n", files.size(), failures, BAR, overall);
        System.exit(failures == 0 ? 0 : 1);
    }

    private static List<String> seedFiles(String indexJson) {
        int start = indexJson.indexOf("\"seed_files\"");
        int open = indexJson.indexOf('[', start);
        int close = indexJson.indexOf(']', open);
        Matcher m = Pattern.compile("\"([^\"]+)\"").matcher(indexJson.substring(open, close));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Reads a C-order little-endian float64 .npy of {@code rows} rows. */
    private static double[][] readFloat64Matrix(Path npy, int rows) throws IOException {
        byte[] bytes = Files.readAllBytes(npy);
        int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        String header = new String(bytes, 10, headerLength, StandardCharsets.ISO_8859_1);
        if (!header.contains("'<f8'") || header.contains("'fortran_order': True")) {
            throw new IOException(npy + ": expected a C-order little-endian float64 array, header " + header);
        }
        int dataStart = 10 + headerLength;
        int cols = (bytes.length - dataStart) / 8 / rows;
        ByteBuffer buf = ByteBuffer.wrap(bytes, dataStart, bytes.length - dataStart).order(ByteOrder.LITTLE_ENDIAN);
        double[][] out = new double[rows][cols];
        for (double[] row : out) {
            for (int c = 0; c < cols; c++) {
                row[c] = buf.getDouble();
            }
        }
        return out;
    }
}
