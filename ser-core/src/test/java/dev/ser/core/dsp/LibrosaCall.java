package dev.ser.core.dsp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keyword arguments of a reference case's Python call ({@code name=value} pairs anywhere in
 * the call, nested calls included), so tests configure the Java side from the same text that
 * produced the reference. Unknown keywords fail the test instead of being silently ignored.
 */
final class LibrosaCall {
    private static final Pattern KWARG = Pattern.compile("(\\w+)=([^,()]+)");

    private final String call;
    private final Map<String, String> kwargs = new LinkedHashMap<>();
    private final Set<String> used = new TreeSet<>();

    LibrosaCall(String call) {
        this.call = call;
        Matcher m = KWARG.matcher(call);
        while (m.find()) {
            kwargs.put(m.group(1), m.group(2).trim());
        }
    }

    boolean has(String key) {
        return kwargs.containsKey(key);
    }

    String string(String key, String otherwise) {
        used.add(key);
        String v = kwargs.get(key);
        return v == null ? otherwise : v.replace("'", "").replace("\"", "");
    }

    int integer(String key, int otherwise) {
        used.add(key);
        String v = kwargs.get(key);
        return v == null ? otherwise : Integer.parseInt(v);
    }

    double number(String key, double otherwise) {
        used.add(key);
        String v = kwargs.get(key);
        return v == null ? otherwise : Double.parseDouble(v);
    }

    boolean bool(String key, boolean otherwise) {
        used.add(key);
        String v = kwargs.get(key);
        return v == null ? otherwise : Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT));
    }

    /** True when the value is Python's None. */
    boolean isNone(String key) {
        used.add(key);
        return "None".equals(kwargs.get(key));
    }

    /** Fails when the call has keywords that no accessor consumed (besides the given ones). */
    void requireAllUsed(String... ignored) {
        Set<String> left = new TreeSet<>(kwargs.keySet());
        left.removeAll(used);
        left.removeAll(Set.of(ignored));
        if (!left.isEmpty()) {
            throw new AssertionError("unhandled keywords " + left + " in " + call);
        }
    }

    /** The STFT keywords of the call on top of librosa's defaults. */
    StftConfig stft() {
        StftConfig.Builder b = StftConfig.builder().nFft(integer("n_fft", 2048));
        if (has("hop_length")) {
            b.hopLength(integer("hop_length", 0));
        }
        if (has("win_length")) {
            b.winLength(integer("win_length", 0));
        }
        b.center(bool("center", true));
        b.padMode(PadMode.valueOf(string("pad_mode", "constant").toUpperCase(java.util.Locale.ROOT)));
        return b.build();
    }

    /** The mel-bank keywords of the call; {@code norm} is read only when {@code melNorm} says so. */
    MelConfig mel(boolean melNorm) {
        MelConfig.Builder b = MelConfig.builder().nMels(integer("n_mels", 128)).fMin(number("fmin", 0.0))
                .htk(bool("htk", false)).power(number("power", 2.0));
        if (has("fmax")) {
            b.fMax(number("fmax", 0));
        }
        if (melNorm && has("norm")) {
            b.norm(isNone("norm") ? MelNorm.NONE : MelNorm.SLANEY);
        }
        return b.build();
    }
}
