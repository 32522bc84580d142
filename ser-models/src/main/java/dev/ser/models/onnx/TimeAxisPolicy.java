package dev.ser.models.onnx;

import java.util.Locale;
import java.util.Objects;

/**
 * How an input whose time axis is longer or shorter than a model's fixed time axis is fitted to
 * it. Applies to {@link InputKind#FRAMES} (frames) and {@link InputKind#WAVEFORM} (samples) models
 * whose time axis is fixed; a dynamic time axis takes the input as it is.
 *
 * <p>Fitting happens last, after the frame transform and the scaler, so zero padding pads with
 * the scaled value 0 (the training mean when a scaler is used).
 *
 * @param crop which part of a too-long input is kept; default {@link Crop#CENTRE}
 * @param pad  how a too-short input is extended at its end; default {@link Pad#ZERO}
 */
public record TimeAxisPolicy(Crop crop, Pad pad) {

    /** Centre crop, zero padding at the end. */
    public static final TimeAxisPolicy DEFAULT = new TimeAxisPolicy(Crop.CENTRE, Pad.ZERO);

    /** Which part of a too-long input is kept. */
    public enum Crop {
        /** The middle {@code target} steps, starting at {@code (length - target) / 2} (rounded down). */
        CENTRE,
        /** The first {@code target} steps. */
        START;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a too-short input is extended at its end. */
    public enum Pad {
        /** With zeros. */
        ZERO,
        /** By repeating each row's last value. */
        EDGE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public TimeAxisPolicy {
        Objects.requireNonNull(crop, "crop");
        Objects.requireNonNull(pad, "pad");
    }

    /**
     * Fits a row-major {@code rows x cols} matrix to {@code rows x target} columns.
     *
     * @return {@code data} itself when {@code cols == target}, otherwise a new array
     */
    public double[] fit(double[] data, int rows, int cols, int target) {
        if (data.length != rows * cols) {
            throw new IllegalArgumentException(data.length + " values for a " + rows + " x " + cols + " matrix");
        }
        if (target <= 0) {
            throw new IllegalArgumentException("target length must be positive, got " + target);
        }
        if (cols == target) {
            return data;
        }
        double[] out = new double[rows * target];
        if (cols > target) {
            int start = crop == Crop.CENTRE ? (cols - target) / 2 : 0;
            for (int r = 0; r < rows; r++) {
                System.arraycopy(data, r * cols + start, out, r * target, target);
            }
        } else {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(data, r * cols, out, r * target, cols);
                if (pad == Pad.EDGE && cols > 0) {
                    java.util.Arrays.fill(out, r * target + cols, (r + 1) * target, data[r * cols + cols - 1]);
                }
            }
        }
        return out;
    }

    static Crop parseCrop(String text) {
        String t = text.toUpperCase(Locale.ROOT);
        if (t.equals("CENTER")) {
            return Crop.CENTRE;
        }
        try {
            return Crop.valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown crop '" + text + "'; known: centre, start", e);
        }
    }

    static Pad parsePad(String text) {
        try {
            return Pad.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown pad '" + text + "'; known: zero, edge", e);
        }
    }
}
