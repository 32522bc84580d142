package dev.ser.examples;

import java.util.Locale;
import java.util.Map;

/** The few JSON fragments the command line prints by hand (one object per line, no library needed). */
public final class JsonText {
    private JsonText() {
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped. */
    public static String string(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A JSON number, or {@code null} for NaN and infinities, which JSON cannot represent. */
    public static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    /** {@code {"label": probability, ...}} in map order, probabilities with six decimals. */
    public static String probabilities(Map<String, Double> probabilities) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, Double> e : probabilities.entrySet()) {
            b.append(b.length() == 1 ? "" : ", ").append(string(e.getKey())).append(": ")
                    .append(String.format(Locale.ROOT, "%.6f", e.getValue()));
        }
        return b.append('}').toString();
    }
}
