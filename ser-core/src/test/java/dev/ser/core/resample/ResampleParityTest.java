package dev.ser.core.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.testkit.LibrosaReference;
import dev.ser.testkit.LibrosaReference.Case;
import dev.ser.testkit.Parity;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@code *__resample_*} case of the librosa references, both modes. */
class ResampleParityTest {
    private static final LibrosaReference REF = LibrosaReference.load();
    private static final Pattern KIND = Pattern.compile("resample_(\\d+)_(polyphase|soxr_hq)");

    static Stream<Case> polyphaseCases() {
        return REF.cases(c -> c.kind().startsWith("resample_") && c.kind().endsWith("_polyphase"));
    }

    static Stream<Case> soxrCases() {
        return REF.cases(c -> c.kind().startsWith("resample_") && c.kind().endsWith("_soxr_hq"));
    }

    @Test
    void otherResTypesAreRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ResampleMode.fromLibrosa("soxr_vhq"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ResampleMode.fromLibrosa("kaiser_best"));
    }

    @Test
    void everyResampleCaseIsCovered() {
        long all = REF.cases(c -> c.kind().startsWith("resample_")).count();
        assertTrue(all >= 12, "expected the 12 resample cases, found " + all);
        assertEquals(all, polyphaseCases().count() + soxrCases().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("polyphaseCases")
    void polyphaseMatchesScipyResamplePoly(Case c) {
        double[] actual = run(c, ResampleMode.POLYPHASE);
        Parity.assertClose(c.id(), REF.output(c), new int[] {actual.length}, actual, Parity.FLOAT64_BAR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("soxrCases")
    void highQualityMatchesSoxrHq(Case c) {
        double[] actual = run(c, ResampleMode.HIGH_QUALITY);
        assertEquals(c.shape()[0], actual.length, c.id() + ": length");
        EnergyParity.assertErrorEnergyBelow(c.id(), REF.output(c).values(), actual, EnergyParity.SOXR_MIN_DB);
    }

    private static double[] run(Case c, ResampleMode mode) {
        Matcher m = KIND.matcher(c.kind());
        assertTrue(m.matches(), "unexpected case " + c.id());
        int target = Integer.parseInt(m.group(1));
        int orig = REF.signalInfo(c.signal()).sampleRate();
        assertEquals(mode, ResampleMode.fromLibrosa(m.group(2)), "res_type of " + c.call());
        ResampleOptions options = ResampleOptions.builder().mode(mode).build();
        return Resampler.resample(REF.signal(c.signal()), orig, target, options);
    }
}
