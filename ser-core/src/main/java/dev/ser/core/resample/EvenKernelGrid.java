package dev.ser.core.resample;

import java.util.function.DoubleUnaryOperator;

/**
 * An even kernel {@code h(tau)} sampled once at {@code tau = m / perSample} for
 * {@code m >= 0}. Polyphase rows need {@code h(j / perSample + lead - k)}, which is always one of
 * these samples ({@code m = j + (lead - k) * perSample}), so the kernel is evaluated on half its
 * support only once, instead of once per row entry.
 */
final class EvenKernelGrid {
    private final int perSample;
    private final double[] values;

    /**
     * @param h         the kernel, even in {@code tau}
     * @param perSample grid points per input sample
     * @param extent    samples covered on each side; {@code h} is taken as zero beyond
     */
    EvenKernelGrid(DoubleUnaryOperator h, int perSample, int extent) {
        this.perSample = perSample;
        this.values = new double[Math.addExact(Math.multiplyExact(extent, perSample), 1)];
        for (int m = 0; m < values.length; m++) {
            values[m] = h.applyAsDouble((double) m / perSample);
        }
    }

    /** {@code h(m / perSample)}, zero outside the sampled extent. */
    double at(long m) {
        long a = Math.abs(m);
        return a < values.length ? values[(int) a] : 0.0;
    }

    /**
     * Fills {@code rows} rows of {@code taps}: row {@code j}, column {@code k} gets
     * {@code h(j / perSample + lead - k)}.
     */
    void fillRows(double[] table, int rows, int taps, int lead) {
        for (int j = 0; j < rows; j++) {
            for (int k = 0; k < taps; k++) {
                table[j * taps + k] = at(j + (long) (lead - k) * perSample);
            }
        }
    }
}
