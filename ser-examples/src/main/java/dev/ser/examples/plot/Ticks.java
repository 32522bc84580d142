package dev.ser.examples.plot;

import java.awt.FontMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Chooses tick values: 1, 2, 2.5 or 5 times a power of ten, as many as fit without overlapping labels. */
final class Ticks {
    private static final double[] MULTIPLES = {1, 2, 2.5, 5, 10};

    private Ticks() {
    }

    /** The ticks of {@code axis} along {@code pixels}, labels measured with {@code fm}. */
    static List<Axis.Tick> forAxis(Axis axis, int pixels, FontMetrics fm, boolean horizontal) {
        if (axis.fixedTicks() != null) {
            List<Axis.Tick> inside = new ArrayList<>();
            for (Axis.Tick t : axis.fixedTicks()) {
                if (axis.contains(t.value())) {
                    inside.add(t);
                }
            }
            return axis.rotateCrowded() ? inside : dropCrowded(axis, inside, pixels, fm, horizontal);
        }
        // start dense and thin out until the labels no longer touch
        double spacing = horizontal ? 4.0 * fm.getHeight() : 2.5 * fm.getHeight();
        List<Axis.Tick> ticks = List.of();
        for (int attempt = 0; attempt < 12; attempt++) {
            int target = Math.max(1, (int) (pixels / spacing));
            ticks = nice(Math.min(axis.lo(), axis.hi()), Math.max(axis.lo(), axis.hi()), target, axis.integerTicks());
            if (!crowded(axis, ticks, pixels, fm, horizontal)) {
                break;
            }
            spacing *= 1.4;
        }
        // a short axis: two labelled ticks are worth more than one, if they fit
        for (int target = 2; ticks.size() < 2 && target <= 4; target++) {
            List<Axis.Tick> more = nice(Math.min(axis.lo(), axis.hi()), Math.max(axis.lo(), axis.hi()), target,
                    axis.integerTicks());
            if (more.size() >= 2 && !crowded(axis, more, pixels, fm, horizontal)) {
                ticks = more;
            }
        }
        return ticks;
    }

    /** Whether any two neighbouring labels would overlap. */
    static boolean crowded(Axis axis, List<Axis.Tick> ticks, int pixels, FontMetrics fm, boolean horizontal) {
        for (int i = 1; i < ticks.size(); i++) {
            if (!fitsAfter(axis, ticks.get(i - 1), ticks.get(i), pixels, fm, horizontal)) {
                return true;
            }
        }
        return false;
    }

    private static boolean fitsAfter(Axis axis, Axis.Tick previous, Axis.Tick tick, int pixels, FontMetrics fm,
                                     boolean horizontal) {
        double distance = Math.abs(axis.fraction(tick.value()) - axis.fraction(previous.value())) * pixels;
        double needed = horizontal
                ? (fm.stringWidth(previous.text()) + fm.stringWidth(tick.text())) / 2.0 + fm.charWidth('0') * 1.5
                : fm.getAscent() + 2;
        return distance >= needed;
    }

    private static List<Axis.Tick> dropCrowded(Axis axis, List<Axis.Tick> ticks, int pixels, FontMetrics fm,
                                               boolean horizontal) {
        List<Axis.Tick> kept = new ArrayList<>();
        for (Axis.Tick t : ticks) {
            if (kept.isEmpty() || fitsAfter(axis, kept.get(kept.size() - 1), t, pixels, fm, horizontal)) {
                kept.add(t);
            }
        }
        return kept;
    }

    /** About {@code target} nice ticks covering [lo, hi], labelled with just enough decimals. */
    static List<Axis.Tick> nice(double lo, double hi, int target, boolean integersOnly) {
        double raw = (hi - lo) / Math.max(1, target);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double multiple = MULTIPLES[MULTIPLES.length - 1];
        for (double m : MULTIPLES) {
            if (m * magnitude >= raw * (1 - 1e-9)) {
                multiple = m;
                break;
            }
        }
        if (multiple == 10) {
            multiple = 1;
            magnitude *= 10;
        }
        double step = multiple * magnitude;
        if (integersOnly && step < 1) {
            step = 1;
            multiple = 1;
            magnitude = 1;
        }
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(magnitude) + 1e-9) + (multiple == 2.5 ? 1 : 0));
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        List<Axis.Tick> ticks = new ArrayList<>();
        for (long k = first; k <= last; k++) {
            double v = k * step;
            ticks.add(new Axis.Tick(v, format(v, decimals)));
        }
        return ticks;
    }

    static String format(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        // a true minus sign reads better than a hyphen; never print "-0"
        if (s.startsWith("-")) {
            return s.matches("-0(\\.0*)?") ? s.substring(1) : "\u2212" + s.substring(1);
        }
        return s;
    }
}
