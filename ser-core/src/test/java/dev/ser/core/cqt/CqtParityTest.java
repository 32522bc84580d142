package dev.ser.core.cqt;

import dev.ser.core.dsp.Matrix;
import dev.ser.testkit.LibrosaReference;
import dev.ser.testkit.LibrosaReference.Case;
import dev.ser.testkit.Parity;
import org.junit.jupiter.api.Test;

/** {@code librosa.cqt} magnitudes against the references. */
class CqtParityTest {
    private static final LibrosaReference REF = LibrosaReference.load();

    @Test
    void polyphaseCqtMatchesLibrosaAtFloat64Bar() {
        Case c = REF.get("speech_ravdess_16000__cqt_mag_polyphase");
        double sr = REF.signalInfo(c.signal()).sampleRate();
        CqtConfig config = CqtConfig.builder().decimator(Decimators.polyphase()).build();
        Matrix actual = ConstantQ.magnitude(REF.signal(c.signal()), sr, config);
        Parity.assertClose(c.id(), REF.output(c), new int[] {actual.rows(), actual.cols()}, actual.data(),
                Parity.FLOAT64_BAR);
    }

    /** Downstream of soxr_hq: every value within 1e-3 x scale, through the HIGH_QUALITY stand-in. */
    @Test
    void defaultCqtMatchesTheSoxrReferenceAtItsBar() {
        Case c = REF.get("speech_ravdess_16000__cqt_mag");
        double sr = REF.signalInfo(c.signal()).sampleRate();
        Matrix actual = ConstantQ.magnitude(REF.signal(c.signal()), sr, CqtConfig.defaults());
        Parity.assertClose(c.id(), REF.output(c), new int[] {actual.rows(), actual.cols()}, actual.data(), 1e-3);
    }
}
