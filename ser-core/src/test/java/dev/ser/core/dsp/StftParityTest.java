package dev.ser.core.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ser.testkit.LibrosaReference;
import dev.ser.testkit.LibrosaReference.Case;
import dev.ser.testkit.Parity;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Windows and STFT magnitudes against librosa 0.11.0, every variant in the reference index. */
class StftParityTest {
    private static final LibrosaReference REF = LibrosaReference.load();

    /** The STFT configuration behind each {@code stft_mag*} case's Python call. */
    private static final Map<String, StftConfig> VARIANTS = Map.of(
            "stft_mag", StftConfig.DEFAULT,
            "stft_mag_reflect", StftConfig.builder().padMode(PadMode.REFLECT).build(),
            "stft_mag_nocenter", StftConfig.builder().center(false).build(),
            "stft_mag_512_160_400_hamming", StftConfig.builder().nFft(512).hopLength(160).winLength(400)
                    .window(Window.HAMMING).build());

    static Stream<Case> stftCases() {
        return REF.cases(c -> c.kind().startsWith("stft_mag"));
    }

    static Stream<Case> windowCases() {
        return REF.cases(c -> c.id().startsWith("filters__window_"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stftCases")
    void stftMagnitudeMatchesLibrosa(Case c) {
        StftConfig config = VARIANTS.get(c.kind());
        assertEquals(true, config != null, "no configuration for " + c.call());
        Matrix actual = Stft.magnitude(REF.signal(c.signal()), config);
        Parity.assertClose(c.id(), REF.output(c), new int[] {actual.rows(), actual.cols()}, actual.data(),
                Parity.FLOAT64_BAR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stftCases")
    void powerAndMagnitudeInOnePassEqualTheComplexPath(Case c) {
        StftConfig config = VARIANTS.get(c.kind());
        double[] y = REF.signal(c.signal());
        ComplexMatrix complex = Stft.compute(y, config);
        Stft.Spectrograms both = Stft.powerAndMagnitude(y, config);
        org.junit.jupiter.api.Assertions.assertArrayEquals(complex.power(2.0).data(), both.power().data(), 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(complex.magnitude().data(), both.magnitude().data(), 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(complex.magnitude().data(),
                Stft.magnitude(y, config).data(), 0.0);
        int first = complex.rows() / 3;
        int bins = complex.rows() / 2;
        ComplexMatrix band = Stft.compute(y, config, first, bins);
        org.junit.jupiter.api.Assertions.assertArrayEquals(java.util.Arrays.copyOfRange(complex.re().data(),
                complex.re().rowOffset(first), complex.re().rowOffset(first + bins)), band.re().data(), 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(java.util.Arrays.copyOfRange(complex.im().data(),
                complex.im().rowOffset(first), complex.im().rowOffset(first + bins)), band.im().data(), 0.0);
        Stft.Spectrograms fromComplex = complex.powerAndMagnitude();
        org.junit.jupiter.api.Assertions.assertArrayEquals(complex.power(2.0).data(), fromComplex.power().data(), 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(complex.magnitude().data(),
                fromComplex.magnitude().data(), 0.0);
    }

    @org.junit.jupiter.api.Test
    void hopDefaultsToAQuarterOfTheWindowAsInLibrosa() {
        assertEquals(512, StftConfig.DEFAULT.hopLength());
        assertEquals(100, StftConfig.builder().nFft(512).winLength(400).build().hopLength());
        assertEquals(128, StftConfig.builder().nFft(512).build().hopLength());
        assertEquals(160, StftConfig.builder().nFft(512).winLength(400).hopLength(160).build().hopLength());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windowCases")
    void windowMatchesScipy(Case c) {
        String name = c.id().substring("filters__window_".length(), c.id().lastIndexOf('_'));
        Window w = Window.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        int n = c.shape()[0];
        Parity.assertClose(c.id(), REF.output(c).values(), w.periodic(n), Parity.FLOAT64_BAR);
    }
}
