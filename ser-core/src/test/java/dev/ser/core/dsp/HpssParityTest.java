package dev.ser.core.dsp;

import dev.ser.testkit.LibrosaReference;
import dev.ser.testkit.LibrosaReference.Case;
import dev.ser.testkit.Parity;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HPSS and {@code effects.harmonic} against librosa 0.11.0, every case in the reference index. */
class HpssParityTest {
    private static final LibrosaReference REF = LibrosaReference.load();
    private static final String SHORT_CASE = "short_16000__harmonic";
    private static final String SHORT_DEFINED = "harmonic-short-defined.txt";

    static Stream<Case> harmonicCases() {
        return REF.casesOfKind("harmonic");
    }

    static Stream<Case> hpssMagnitudeCases() {
        return REF.cases(c -> c.kind().equals("hpss_harmonic_mag") || c.kind().equals("hpss_percussive_mag"));
    }

    @Test
    void everyFamilyHasCases() {
        assertTrue(harmonicCases().count() >= 10, "effects.harmonic cases");
        assertEquals(2, hpssMagnitudeCases().count(), "hpss magnitude cases");
    }

    /**
     * {@code librosa.effects.harmonic(y)}. One reference is not reproducible: for a clip of 2
     * frames the 31-frame window of scipy's median filter reaches 15 frames past the edge, where
     * scipy 1.10 (and 1.17) maps some positions outside the array and reads whatever memory lies
     * there (librosa's STFT is Fortran-ordered, so that is outside the allocation): the result
     * depends on heap contents. That case is checked against {@link #SHORT_DEFINED} instead.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("harmonicCases")
    void harmonicSignalMatchesLibrosa(Case c) {
        double[] y = REF.signal(c.signal());
        double[] actual = HarmonicPercussive.harmonic(y);
        Assumptions.assumeFalse(c.id().equals(SHORT_CASE),
                SHORT_CASE + ": reference depends on memory scipy reads out of bounds (docs/hpss.md)");
        Parity.assertClose(c.id(), REF.output(c), new int[] {actual.length}, actual, Parity.FLOAT64_BAR);
        if (c.signal().startsWith("silence")) {
            for (double v : actual) {
                assertEquals(0.0, v, 0.0, "silence must separate into exact zeros");
            }
        }
    }

    /**
     * The 800-sample clip against the same pipeline in numpy with the documented boundary rule
     * (scripts/hpss_fixtures.py; that pipeline reproduces the other librosa references to 1e-15).
     */
    @Test
    void shortClipMatchesDefinedSemantics() throws IOException {
        double[] expected = Fixtures.doubles(SHORT_DEFINED);
        double[] actual = HarmonicPercussive.harmonic(REF.signal("short_16000"));
        Parity.assertClose(SHORT_CASE + "_defined", expected, actual, Parity.FLOAT64_BAR);
    }

    /** {@code np.abs(librosa.decompose.hpss(librosa.stft(y))[i])}. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hpssMagnitudeCases")
    void hpssMagnitudeMatchesLibrosa(Case c) {
        ComplexMatrix d = Stft.compute(REF.signal(c.signal()), StftConfig.DEFAULT);
        Hpss.Spectra parts = Hpss.separate(d, HpssConfig.DEFAULT);
        Matrix actual = (c.kind().equals("hpss_harmonic_mag") ? parts.harmonic() : parts.percussive()).magnitude();
        Parity.assertClose(c.id(), REF.output(c), new int[] {actual.rows(), actual.cols()}, actual.data(),
                Parity.FLOAT64_BAR);
    }
}
