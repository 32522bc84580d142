package dev.ser.core.dsp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** Reads the plain-text fixtures of scripts/hpss_fixtures.py from the test classpath. */
final class Fixtures {
    private Fixtures() {
    }

    /** The non-blank lines of a fixture next to this class. */
    static List<String> lines(String name) throws IOException {
        InputStream in = Fixtures.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing test fixture " + name + " (run scripts/hpss_fixtures.py)");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.isBlank()).collect(Collectors.toList());
        }
    }

    /** All whitespace-separated numbers of a one-line fixture. */
    static double[] doubles(String name) throws IOException {
        return parse(lines(name).get(0));
    }

    static double[] parse(String line) {
        String[] parts = line.trim().split("\\s+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i]);
        }
        return out;
    }
}
