package dev.ser.examples.plot;

import dev.ser.models.eval.ConfusionMatrix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the small CSV tables that {@code ser plot} accepts. Cells are separated by commas and
 * trimmed; quoting is not supported (labels are plain words); trailing blank lines are ignored.
 */
final class CsvTables {
    private CsvTables() {
    }

    /**
     * A confusion matrix: a header row of the class labels, then one row of counts per true class
     * in the same order. The header and each row may start with an extra first cell (a corner
     * such as {@code true\predicted}, and each row's label, which must then match the header).
     */
    static ConfusionMatrix confusion(Path file) throws IOException {
        List<String[]> rows = read(file);
        if (rows.isEmpty()) {
            throw new PlotInputException(file, 0, "empty file: expected a header of class labels and a row of counts per class");
        }
        String[] header = rows.get(0);
        int k = rows.size() - 1;
        // rows carry their label when the header has one cell more than there are rows and the
        // first row does not start with a count
        boolean labelled = header.length == k + 1 && k > 0 && !isCount(rows.get(1)[0]);
        if (!labelled && header.length != k) {
            throw new PlotInputException(file, 1, "the header names " + header.length + " classes but "
                    + k + " rows of counts follow; the matrix must be square, with an optional label column");
        }
        List<String> labels = Arrays.asList(header).subList(labelled ? 1 : 0, header.length);
        long[][] counts = new long[k][k];
        for (int r = 0; r < k; r++) {
            String[] cells = rows.get(r + 1);
            int line = r + 2;
            if (cells.length != header.length) {
                throw new PlotInputException(file, line, cells.length + " cells, expected " + header.length);
            }
            if (labelled && !cells[0].equals(labels.get(r))) {
                throw new PlotInputException(file, line, "row label '" + cells[0] + "' does not match the header's '"
                        + labels.get(r) + "'");
            }
            for (int c = 0; c < k; c++) {
                counts[r][c] = count(file, line, cells[c + (labelled ? 1 : 0)]);
            }
        }
        return new ConfusionMatrix(labels, counts);
    }

    /**
     * Training curves: a header, then one row per epoch with the loss and optionally the
     * validation score. An {@code epoch} first column is allowed and ignored; the loss column is
     * the first one named {@code loss} (or the first column), the validation column one named
     * {@code validation}, {@code val_score}, {@code val_accuracy} or {@code validation_score}.
     *
     * @return {@code {loss, validation}}; validation is empty when the file has none
     */
    static double[][] curves(Path file) throws IOException {
        List<String[]> rows = read(file);
        if (rows.size() < 2) {
            throw new PlotInputException(file, 0, "expected a header and at least one row (loss per epoch)");
        }
        String[] header = rows.get(0);
        int lossCol = -1;
        int valCol = -1;
        for (int c = 0; c < header.length; c++) {
            String name = header[c].toLowerCase(java.util.Locale.ROOT);
            if (lossCol < 0 && name.equals("loss")) {
                lossCol = c;
            } else if (valCol < 0 && List.of("validation", "val_score", "val_accuracy", "validation_score").contains(name)) {
                valCol = c;
            }
        }
        if (lossCol < 0) {
            lossCol = header[0].equalsIgnoreCase("epoch") && header.length > 1 ? 1 : 0;
        }
        double[] loss = new double[rows.size() - 1];
        double[] validation = new double[valCol < 0 ? 0 : rows.size() - 1];
        for (int r = 1; r < rows.size(); r++) {
            String[] cells = rows.get(r);
            if (cells.length != header.length) {
                throw new PlotInputException(file, r + 1, cells.length + " cells, expected " + header.length);
            }
            loss[r - 1] = number(file, r + 1, cells[lossCol]);
            if (valCol >= 0) {
                validation[r - 1] = number(file, r + 1, cells[valCol]);
            }
        }
        return new double[][] {loss, validation};
    }

    /** The non-blank lines split into trimmed cells; blank lines become null so that line numbers stay true. */
    private static List<String[]> read(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] cells = line.split(",", -1);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].strip();
            }
            rows.add(cells);
        }
        // trailing blank lines are common; blank lines inside the table are an error reported by length
        while (!rows.isEmpty() && rows.get(rows.size() - 1).length == 1 && rows.get(rows.size() - 1)[0].isEmpty()) {
            rows.remove(rows.size() - 1);
        }
        return rows;
    }

    private static boolean isCount(String cell) {
        return !cell.isEmpty() && cell.chars().allMatch(Character::isDigit);
    }

    private static long count(Path file, int line, String cell) throws PlotInputException {
        try {
            long v = Long.parseLong(cell);
            if (v < 0) {
                throw new PlotInputException(file, line, "negative count " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new PlotInputException(file, line, "'" + cell + "' is not a count (a whole number >= 0)");
        }
    }

    private static double number(Path file, int line, String cell) throws PlotInputException {
        if (cell.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new PlotInputException(file, line, "'" + cell + "' is not a number");
        }
    }
}
