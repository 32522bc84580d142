package dev.ser.examples.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * One axis of a figure: its label, the data values at its two ends and its ticks, either nice
 * linear values chosen for the available pixels or a fixed list (category names, Hz on a mel axis).
 * {@code lo} maps to the left or bottom end; {@code lo > hi} reverses the axis.
 *
 * @param integerTicks  linear ticks only at whole numbers (frame, coefficient and epoch indices)
 * @param rotateCrowded fixed ticks are all kept and their labels drawn at 45 degrees when they
 *                      would overlap (category names), instead of dropping the crowded ones
 */
record Axis(String label, double lo, double hi, List<Tick> fixedTicks, boolean integerTicks, boolean rotateCrowded) {
    Axis {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo == hi) {
            throw new IllegalArgumentException("axis '" + label + "' needs a finite, non-empty range, got " + lo + " to " + hi);
        }
        fixedTicks = fixedTicks == null ? null : List.copyOf(fixedTicks);
    }

    /** A linear axis with nice ticks. */
    static Axis linear(String label, double lo, double hi) {
        return new Axis(label, lo, hi, null, false, false);
    }

    /** A linear axis with ticks at whole numbers only. */
    static Axis integers(String label, double lo, double hi) {
        return new Axis(label, lo, hi, null, true, false);
    }

    /** An axis with the given ticks; crowded ones are dropped. */
    static Axis fixed(String label, double lo, double hi, List<Tick> ticks) {
        return new Axis(label, lo, hi, ticks, false, false);
    }

    /** Category {@code i} centred at value {@code i}; {@code reversed} puts the first category at the top. */
    static Axis categories(String label, List<String> names, boolean reversed) {
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            ticks.add(new Tick(i, names.get(i)));
        }
        double first = -0.5;
        double last = names.size() - 0.5;
        return new Axis(label, reversed ? last : first, reversed ? first : last, ticks, false, true);
    }

    /** Where {@code v} lies between the ends: 0 at {@code lo}, 1 at {@code hi}. */
    double fraction(double v) {
        return (v - lo) / (hi - lo);
    }

    boolean contains(double v) {
        double f = fraction(v);
        return f >= -1e-9 && f <= 1 + 1e-9;
    }

    /** A tick: its position in data units and its label. */
    record Tick(double value, String text) {
    }
}
