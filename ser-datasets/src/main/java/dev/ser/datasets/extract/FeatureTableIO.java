package dev.ser.datasets.extract;

import dev.ser.datasets.Emotion;
import dev.ser.datasets.Partition;
import dev.ser.datasets.Sex;
import dev.ser.datasets.Utterance;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Export and import of {@link FeatureTable}s in two forms other tools can read.
 *
 * <p><b>CSV</b> ({@link #writeCsv}): UTF-8, RFC 4180, header row; the metadata columns {@link #META_COLUMNS}
 * ({@code path, corpus, speaker, sex, label, corpus_label, intensity, statement, repetition, text, partition,
 * attributes}) then one column per feature named by {@link FeatureTable#columns()}. Numbers are written with
 * Java's shortest round-trip representation, so reading back gives the identical doubles; missing codes are
 * empty cells; {@code attributes} is {@code key=value;key=value} with {@code %}, {@code ;}, {@code =}
 * percent-encoded. The configuration key is not stored in CSV.
 *
 * <p><b>Binary</b> ({@link #writeNpy}): three files next to each other for a base path {@code b}:
 * {@code b.npy}, a NumPy format 1.0 array of little-endian float64 ({@code '<f8'}), C order, shape
 * (rows, features), loadable with {@code numpy.load}; {@code b.meta.csv}, the metadata columns above, one row per
 * array row; {@code b.features.txt}, UTF-8, first line the configuration key (backslash, CR and LF escaped as
 * {@code \\ \r \n}), then one feature name per line.
 */
public final class FeatureTableIO {
    /** Metadata columns written before the features, in order. */
    public static final List<String> META_COLUMNS = List.of("path", "corpus", "speaker", "sex", "label",
            "corpus_label", "intensity", "statement", "repetition", "text", "partition", "attributes");
    private static final byte[] NPY_MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),\\s*(\\d+)\\s*,?\\)");

    private FeatureTableIO() {
    }

    // ---------------------------------------------------------------- CSV

    /** Writes metadata and features as one CSV file (see class comment). */
    public static void writeCsv(FeatureTable table, Path file) throws IOException {
        List<String> header = new ArrayList<>(META_COLUMNS);
        header.addAll(table.columns());
        StringBuilder sb = new StringBuilder();
        Csv.appendRow(sb, header);
        for (int r = 0; r < table.rowCount(); r++) {
            List<String> cells = metaCells(table.rows().get(r));
            for (int c = 0; c < table.dimension(); c++) {
                cells.add(Double.toString(table.get(r, c)));
            }
            Csv.appendRow(sb, cells);
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    /** Reads a CSV written by {@link #writeCsv}; the configuration key of the result is {@code ""}. */
    public static FeatureTable readCsv(Path file) throws IOException {
        List<List<String>> rows = parseCsv(file);
        List<String> header = rows.get(0);
        checkMetaHeader(file, header);
        List<String> columns = header.subList(META_COLUMNS.size(), header.size());
        List<Utterance> utterances = new ArrayList<>();
        double[] values = new double[(rows.size() - 1) * columns.size()];
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != header.size()) {
                throw new IOException(file + ": line " + (r + 1) + " has " + row.size() + " cells, header has " + header.size());
            }
            utterances.add(utterance(file, r + 1, row));
            for (int c = 0; c < columns.size(); c++) {
                values[(r - 1) * columns.size() + c] = number(file, r + 1, row.get(META_COLUMNS.size() + c));
            }
        }
        return new FeatureTable("", utterances, columns, values);
    }

    // ---------------------------------------------------------------- NumPy

    /** The three files of the binary form for {@code base}: {@code .npy}, {@code .meta.csv}, {@code .features.txt}. */
    public static List<Path> npyFiles(Path base) {
        String name = base.getFileName().toString();
        return List.of(base.resolveSibling(name + ".npy"), base.resolveSibling(name + ".meta.csv"),
                base.resolveSibling(name + ".features.txt"));
    }

    /** Writes the binary form for {@code base} (see class comment). */
    public static void writeNpy(FeatureTable table, Path base) throws IOException {
        List<Path> files = npyFiles(base);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(files.get(0)), 1 << 16)) {
            writeNpyArray(out, table.rowCount(), table.dimension(), table.values());
        }
        StringBuilder meta = new StringBuilder();
        Csv.appendRow(meta, META_COLUMNS);
        for (Utterance u : table.rows()) {
            Csv.appendRow(meta, metaCells(u));
        }
        Files.writeString(files.get(1), meta, StandardCharsets.UTF_8);
        StringBuilder names = new StringBuilder(escapeLine(table.configurationKey())).append('\n');
        for (String c : table.columns()) {
            names.append(escapeLine(c)).append('\n');
        }
        Files.writeString(files.get(2), names, StandardCharsets.UTF_8);
    }

    /** Reads the binary form written by {@link #writeNpy}. */
    public static FeatureTable readNpy(Path base) throws IOException {
        List<Path> files = npyFiles(base);
        List<String> lines = Files.readAllLines(files.get(2), StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(files.get(2) + ": empty, expected the configuration key on the first line");
        }
        String key = unescapeLine(lines.get(0));
        List<String> columns = lines.subList(1, lines.size()).stream().map(FeatureTableIO::unescapeLine).toList();
        double[] values;
        int[] shape = new int[2];
        try (InputStream in = Files.newInputStream(files.get(0))) {
            values = readNpyArray(in, files.get(0), shape);
        }
        List<List<String>> meta = parseCsv(files.get(1));
        checkMetaHeader(files.get(1), meta.get(0));
        if (shape[0] != meta.size() - 1 || shape[1] != columns.size()) {
            throw new IOException(base + ": array shape (" + shape[0] + ", " + shape[1] + ") but " + (meta.size() - 1)
                    + " metadata rows and " + columns.size() + " feature names");
        }
        List<Utterance> utterances = new ArrayList<>();
        for (int r = 1; r < meta.size(); r++) {
            utterances.add(utterance(files.get(1), r + 1, meta.get(r)));
        }
        return new FeatureTable(key, utterances, columns, values);
    }

    static void writeNpyArray(OutputStream out, int rows, int cols, double[] values) throws IOException {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        // Magic (6) + version (2) + header length (2) + header must be a multiple of 64; header ends in '\n'.
        int unpadded = 10 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        out.write(NPY_MAGIC);
        out.write(new byte[] {1, 0});
        out.write(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) header.length()).array());
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer buf = ByteBuffer.allocate(8 * 4096).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            if (!buf.hasRemaining()) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            buf.putDouble(v);
        }
        out.write(buf.array(), 0, buf.position());
    }

    static double[] readNpyArray(InputStream in, Path source, int[] shapeOut) throws IOException {
        byte[] pre = in.readNBytes(8);
        if (pre.length < 8 || !Arrays.equals(Arrays.copyOf(pre, 6), NPY_MAGIC)) {
            throw new IOException(source + ": not a .npy file");
        }
        int major = pre[6];
        int headerLen;
        if (major == 1) {
            headerLen = ByteBuffer.wrap(in.readNBytes(2)).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
        } else if (major == 2 || major == 3) {
            headerLen = ByteBuffer.wrap(in.readNBytes(4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
        } else {
            throw new IOException(source + ": unsupported .npy version " + major);
        }
        String header = new String(in.readNBytes(headerLen), StandardCharsets.ISO_8859_1);
        if (!header.contains("'descr': '<f8'") || !header.contains("'fortran_order': False")) {
            throw new IOException(source + ": expected little-endian float64 in C order, header " + header.trim());
        }
        Matcher m = SHAPE.matcher(header);
        if (!m.find()) {
            throw new IOException(source + ": expected a 2-d array, header " + header.trim());
        }
        shapeOut[0] = Integer.parseInt(m.group(1));
        shapeOut[1] = Integer.parseInt(m.group(2));
        long n = (long) shapeOut[0] * shapeOut[1];
        byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE, 8 * n));
        if (data.length != 8 * n) {
            throw new IOException(source + ": truncated, " + data.length + " data bytes for " + n + " values");
        }
        double[] out = new double[(int) n];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
        return out;
    }

    // ---------------------------------------------------------------- metadata cells

    private static List<String> metaCells(Utterance u) {
        List<String> c = new ArrayList<>();
        c.add(u.path().toString());
        c.add(u.corpus());
        c.add(u.speaker());
        c.add(u.sex().name().toLowerCase(Locale.ROOT));
        c.add(u.emotion().label());
        c.add(u.corpusLabel());
        c.add(orEmpty(u.intensity()));
        c.add(orEmpty(u.statement()));
        c.add(orEmpty(u.repetition()));
        c.add(orEmpty(u.text()));
        c.add(u.partition() == null ? "" : u.partition().name().toLowerCase(Locale.ROOT));
        c.add(encodeAttributes(u.attributes()));
        return c;
    }

    private static Utterance utterance(Path file, int line, List<String> c) throws IOException {
        try {
            return new Utterance(Path.of(c.get(0)), c.get(1), c.get(2), Sex.valueOf(c.get(3).toUpperCase(Locale.ROOT)),
                    Emotion.parse(c.get(4)), c.get(5), orNull(c.get(6)), orNull(c.get(7)), orNull(c.get(8)),
                    orNull(c.get(9)), c.get(10).isEmpty() ? null : Partition.valueOf(c.get(10).toUpperCase(Locale.ROOT)),
                    decodeAttributes(c.get(11)));
        } catch (RuntimeException e) {
            throw new IOException(file + ": line " + line + ": bad metadata: " + e.getMessage(), e);
        }
    }

    private static List<List<String>> parseCsv(Path file) throws IOException {
        List<List<String>> rows;
        try {
            rows = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new IOException(file + ": empty, expected a header row");
        }
        return rows;
    }

    private static void checkMetaHeader(Path file, List<String> header) throws IOException {
        if (header.size() < META_COLUMNS.size() || !header.subList(0, META_COLUMNS.size()).equals(META_COLUMNS)) {
            throw new IOException(file + ": header does not start with " + META_COLUMNS);
        }
    }

    private static double number(Path file, int line, String s) throws IOException {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": line " + line + ": not a number '" + s + "'", e);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String orNull(String s) {
        return s.isEmpty() ? null : s;
    }

    static String encodeAttributes(Map<String, String> attributes) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(percent(e.getKey())).append('=').append(percent(e.getValue()));
        }
        return sb.toString();
    }

    static Map<String, String> decodeAttributes(String s) {
        Map<String, String> m = new TreeMap<>();
        if (s.isEmpty()) {
            return m;
        }
        for (String pair : s.split(";", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("attribute without '=': " + pair);
            }
            m.put(unpercent(pair.substring(0, eq)), unpercent(pair.substring(eq + 1)));
        }
        return m;
    }

    private static String percent(String s) {
        return s.replace("%", "%25").replace(";", "%3B").replace("=", "%3D");
    }

    private static String unpercent(String s) {
        return s.replace("%3B", ";").replace("%3D", "=").replace("%25", "%");
    }

    private static String escapeLine(String s) {
        return s.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
    }

    private static String unescapeLine(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
