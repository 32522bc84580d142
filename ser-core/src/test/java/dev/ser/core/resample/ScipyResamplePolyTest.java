package dev.ser.core.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.ser.testkit.Parity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * POLYPHASE against {@code scipy.signal.resample_poly} outputs beyond the librosa references
 * (written by {@code scripts/make_resample_poly_fixture.py}): the CQT's 2:1 halving on inputs
 * shorter than the filter, odd lengths, up-sampling and coprime ratios, compared at scipy's own
 * length ({@code fix=false}).
 */
class ScipyResamplePolyTest {
    record Fixture(int up, int down, double[] input, double[] output) {
        @Override
        public String toString() {
            return "resample_poly up=" + up + " down=" + down + " n=" + input.length;
        }
    }

    static Stream<Fixture> fixtures() throws IOException {
        InputStream in = ScipyResamplePolyTest.class.getResourceAsStream("/resample/scipy_resample_poly.txt");
        assertNotNull(in, "missing resource resample/scipy_resample_poly.txt");
        List<Fixture> list = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("case ")) {
                    continue;
                }
                String[] head = line.split(" ");
                list.add(new Fixture(Integer.parseInt(head[1]), Integer.parseInt(head[2]), values(r.readLine()),
                        values(r.readLine())));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return list.stream();
    }

    private static double[] values(String line) {
        return Arrays.stream(line.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void matchesScipyAtItsOwnLength(Fixture f) {
        ResampleOptions unfixed = ResampleOptions.builder().mode(ResampleMode.POLYPHASE).fix(false).build();
        // any rates with the reduced ratio up/down
        double[] actual = Resampler.resample(f.input(), 1000 * f.down(), 1000 * f.up(), unfixed);
        assertEquals(f.output().length, actual.length, "scipy's output length");
        Parity.assertClose(f.toString(), f.output(), actual, Parity.FLOAT64_BAR);
    }
}
