package dev.ser.core.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * G.711 expansion checked against SoX: {@code codes_*.wav} hold the 256 codes in order, and
 * {@code codes_*.s16le} what {@code sox codes_X.wav -t raw -e signed -b 16 -L} decodes them to.
 */
class G711Test {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ulaw", "alaw"})
    void everyCodeExpandsAsSoxDoes(String law) throws Exception {
        byte[] ref = FixtureFilesTest.resource("codes_" + law + ".s16le");
        double[] expected = new double[256];
        for (int i = 0; i < 256; i++) {
            expected[i] = (short) ((ref[2 * i] & 0xFF) | ref[2 * i + 1] << 8) / 32768.0;
        }
        DecodedAudio wav = AudioFiles.read(FixtureFilesTest.resource("codes_" + law + ".wav"), law + ".wav");
        assertArrayEquals(expected, wav.channel(0));
        assertEquals(law.equals("ulaw") ? SampleEncoding.MU_LAW : SampleEncoding.A_LAW, wav.format().encoding());

        byte[] codes = new byte[256];
        for (int i = 0; i < 256; i++) {
            codes[i] = (byte) i;
        }
        byte[] aifc = AiffFixtures.form("AIFC", AiffFixtures.chunk("COMM", AiffFixtures.comm(1, 256, 16, 8000, law)),
                AiffFixtures.chunk("SSND", AiffFixtures.ssnd(codes, 0, 0)));
        DecodedAudio aiff = AudioFiles.read(aifc, law + ".aifc");
        assertArrayEquals(expected, aiff.channel(0));
        assertEquals(8, aiff.format().bitsPerSample());
    }
}
