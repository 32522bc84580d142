package dev.ser.core.dsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.testkit.LibrosaReference;
import dev.ser.testkit.LibrosaReference.Case;
import dev.ser.testkit.Parity;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Chroma filter banks, tuning estimates and chroma_stft against librosa 0.11.0, every case of
 * these families in the reference index, at the float64 bar. A tuning estimate one histogram bin
 * off (0.01) fails by a factor of at least 1e4 over the bar.
 */
class ChromaParityTest {
    private static final LibrosaReference REF = LibrosaReference.load();
    private static final Pattern FILTER_ID = Pattern.compile("filters__chroma_(\\d+)_(\\d+)_tuning(-?[0-9.]+)");

    static Stream<Case> filterCases() {
        return REF.cases(c -> c.id().startsWith("filters__chroma_"));
    }

    static Stream<Case> tuningFromSpectrogramCases() {
        return REF.casesOfKind("estimate_tuning");
    }

    static Stream<Case> chromaFromMagnitudeCases() {
        return REF.casesOfKind("chroma_stft_mag");
    }

    static Stream<Case> chromaFromSignalCases() {
        return REF.cases(c -> c.kind().equals("chroma_stft_power") || c.kind().equals("chroma_stft_tuning0"));
    }

    private static double sampleRate(Case c) {
        return REF.signalInfo(c.signal()).sampleRate();
    }

    private static void assertMatrix(Case c, Matrix actual) {
        Parity.assertClose(c.id(), REF.output(c), new int[] {actual.rows(), actual.cols()}, actual.data(),
                Parity.FLOAT64_BAR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filterCases")
    void filterBankMatchesLibrosa(Case c) {
        Matcher m = FILTER_ID.matcher(c.id());
        assertTrue(m.matches(), "unexpected filter case id " + c.id());
        ChromaFilterBank bank = ChromaFilterBank.create(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Double.parseDouble(m.group(3)));
        assertMatrix(c, bank.weights());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tuningFromSpectrogramCases")
    void tuningFromMagnitudeMatchesLibrosa(Case c) {
        Matrix s = Stft.magnitude(REF.signal(c.signal()), StftConfig.DEFAULT);
        double tuning = TuningEstimator.estimate(s, sampleRate(c), TuningConfig.DEFAULT);
        Parity.assertClose(c.id(), REF.output(c).values(), new double[] {tuning}, Parity.FLOAT64_BAR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.ser.core.dsp.ChromaParityTest#tuningFromSignal36")
    void tuningFromSignalMatchesLibrosa(Case c) {
        double tuning = TuningEstimator.estimate(REF.signal(c.signal()), sampleRate(c),
                TuningConfig.builder().binsPerOctave(36).build());
        Parity.assertClose(c.id(), REF.output(c).values(), new double[] {tuning}, Parity.FLOAT64_BAR);
    }

    static Stream<Case> tuningFromSignal36() {
        return REF.casesOfKind("estimate_tuning_y36");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chromaFromMagnitudeCases")
    void chromaFromMagnitudeMatchesLibrosa(Case c) {
        Matrix s = Stft.magnitude(REF.signal(c.signal()), StftConfig.DEFAULT);
        assertMatrix(c, ChromaStft.fromSpectrogram(s, sampleRate(c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chromaFromSignalCases")
    void chromaFromSignalMatchesLibrosa(Case c) {
        ChromaConfig config = c.kind().equals("chroma_stft_tuning0") ? ChromaConfig.builder().tuning(0.0).build()
                : ChromaConfig.DEFAULT;
        assertMatrix(c, ChromaStft.fromSignal(REF.signal(c.signal()), sampleRate(c), config));
    }
}
