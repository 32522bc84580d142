package dev.ser.core.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.testkit.LibrosaReference;
import dev.ser.testkit.LibrosaReference.Case;
import dev.ser.testkit.Parity;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mel filter banks, mel spectrograms, decibels, MFCCs and spectral contrast against librosa
 * 0.11.0: every case of these families in the reference index, each configured from the
 * keywords of its Python call, at the float64 bar ({@code 1e-6 x max|ref|}).
 */
class SpectralParityTest {
    private static final LibrosaReference REF = LibrosaReference.load();

    static Stream<Case> melFilterCases() {
        return REF.cases(c -> c.id().startsWith("filters__mel_"));
    }

    static Stream<Case> melSpectrogramCases() {
        return REF.cases(c -> c.kind().equals("melspectrogram") || c.kind().equals("melspectrogram_reflect"));
    }

    static Stream<Case> powerToDbCases() {
        return REF.cases(c -> c.kind().startsWith("power_to_db"));
    }

    static Stream<Case> mfccCases() {
        return REF.cases(c -> c.kind().startsWith("mfcc"));
    }

    static Stream<Case> contrastCases() {
        return REF.cases(c -> c.kind().startsWith("spectral_contrast"));
    }

    @Test
    void everyFamilyHasCases() {
        // guards against a renamed family silently running zero parity cases
        assertEquals(7, melFilterCases().count());
        assertEquals(11, melSpectrogramCases().count());
        assertTrue(powerToDbCases().count() >= 1);
        assertEquals(13, mfccCases().count());
        assertEquals(10, contrastCases().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("melFilterCases")
    void melFilterBankMatchesLibrosa(Case c) {
        assertTrue(c.call().startsWith("librosa.filters.mel("), c.call());
        LibrosaCall call = new LibrosaCall(c.call());
        double sr = call.number("sr", 0);
        int nFft = call.integer("n_fft", 2048);
        MelFilterBank bank = MelFilterBank.create(sr, nFft, call.mel(true));
        call.requireAllUsed();
        Matrix w = bank.weights();
        Parity.assertClose(c.id(), REF.output(c), new int[] {w.rows(), w.cols()}, w.data(), Parity.FLOAT64_BAR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("melSpectrogramCases")
    void melSpectrogramMatchesLibrosa(Case c) {
        assertTrue(c.call().startsWith("librosa.feature.melspectrogram("), c.call());
        LibrosaCall call = new LibrosaCall(c.call());
        Matrix actual = MelSpectrogram.compute(REF.signal(c.signal()), sampleRate(c), call.stft(), call.mel(true));
        call.requireAllUsed("y", "sr");
        assertMatches(c, actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("powerToDbCases")
    void powerToDbMatchesLibrosa(Case c) {
        assertTrue(c.call().startsWith("librosa.power_to_db(librosa.feature.melspectrogram("), c.call());
        LibrosaCall call = new LibrosaCall(c.call());
        Matrix mel = MelSpectrogram.compute(REF.signal(c.signal()), sampleRate(c), call.stft(), call.mel(true));
        DecibelConfig db = DecibelConfig.builder()
                .topDb(call.isNone("top_db") ? null : call.number("top_db", 80.0))
                .amin(call.number("amin", 1e-10)).build();
        call.requireAllUsed("y", "sr");
        assertMatches(c, Decibels.powerToDb(mel, db));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mfccCases")
    void mfccMatchesLibrosa(Case c) {
        assertTrue(c.call().startsWith("librosa.feature.mfcc("), c.call());
        LibrosaCall call = new LibrosaCall(c.call());
        // in mfcc(), norm= is the DCT's normalisation; the mel bank keeps its default
        MfccConfig mfcc = MfccConfig.builder().nMfcc(call.integer("n_mfcc", 20)).dctType(call.integer("dct_type", 2))
                .dctNorm(call.isNone("norm") ? DctNorm.NONE : DctNorm.ORTHO)
                .lifter(call.number("lifter", 0)).build();
        Matrix actual = Mfcc.compute(REF.signal(c.signal()), sampleRate(c), call.stft(), call.mel(false), mfcc);
        call.requireAllUsed("y", "sr");
        assertMatches(c, actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contrastCases")
    void spectralContrastMatchesLibrosa(Case c) {
        // mapped explicitly: contrast of the default STFT magnitude
        assertEquals("librosa.feature.spectral_contrast(S=np.abs(librosa.stft(y)), sr=sr)", c.call());
        Matrix magnitude = Stft.magnitude(REF.signal(c.signal()), StftConfig.DEFAULT);
        assertMatches(c, SpectralContrast.compute(magnitude, sampleRate(c)));
    }

    @Test
    void spectralContrastRefusesBandsAboveNyquist() {
        Matrix magnitude = new Matrix(1025, 3);
        // 8 kHz Nyquist: band edges 200 * 2^k reach 12.8 kHz with 7 bands
        SpectralParameterException e = assertThrows(SpectralParameterException.class,
                () -> SpectralContrast.compute(magnitude, 16000, ContrastConfig.builder().nBands(7).build()));
        assertTrue(e.getMessage().startsWith("Frequency band exceeds Nyquist. Reduce either fmin or n_bands."),
                e.getMessage());
        assertThrows(SpectralParameterException.class,
                () -> SpectralContrast.create(8000, 2048, ContrastConfig.DEFAULT));
        assertThrows(SpectralParameterException.class,
                () -> SpectralContrast.create(22050, 2048, ContrastConfig.builder().fMin(2000).build()));
        // the defaults are fine at 16 kHz (last edge 6.4 kHz)
        assertEquals(7, SpectralContrast.create(16000, 2048, ContrastConfig.DEFAULT).bands());
    }

    private static double sampleRate(Case c) {
        return REF.signalInfo(c.signal()).sampleRate();
    }

    private static void assertMatches(Case c, Matrix actual) {
        Parity.assertClose(c.id(), REF.output(c), new int[] {actual.rows(), actual.cols()}, actual.data(),
                Parity.FLOAT64_BAR);
    }
}
