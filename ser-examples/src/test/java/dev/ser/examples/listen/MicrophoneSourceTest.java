package dev.ser.examples.listen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;

class MicrophoneSourceTest {
    @Test
    void withoutACaptureDeviceOpeningFailsWithATypedError() {
        assumeFalse(MicrophoneSource.available(), "this machine has a capture device");
        NoCaptureDeviceException e = assertThrows(NoCaptureDeviceException.class, MicrophoneSource::open);
        assertTrue(e.getMessage().contains("capture device") || e.getMessage().contains("microphone"), e.getMessage());
    }

    @Test
    void withACaptureDeviceItOpensReadsAndClosesOrFailsTyped() throws Exception {
        assumeTrue(MicrophoneSource.available(), "no capture device on this machine");
        try (MicrophoneSource mic = MicrophoneSource.open()) {
            assertTrue(mic.sampleRate() > 0);
            double[] buf = new double[160];
            int n = mic.read(buf);
            assertTrue(n > 0 && n <= buf.length, "read " + n);
            for (int i = 0; i < n; i++) {
                assertTrue(buf[i] >= -1 && buf[i] <= 1, "sample in [-1, 1]");
            }
        } catch (NoCaptureDeviceException busy) {
            // A device that exists but is busy or unusable must fail with the typed error, as it did.
            assertTrue(busy.getMessage().contains("microphone") || busy.getMessage().contains("capture"));
        }
    }

    @Test
    void decodesSixteenBitLittleEndianMono() {
        PcmFrameDecoder d = new PcmFrameDecoder(new AudioFormat(16000, 16, 1, true, false));
        byte[] in = {0x00, 0x40, 0x00, (byte) 0x80, (byte) 0xFF, 0x7F, 0x00, 0x00};
        double[] out = new double[4];
        d.decode(in, 4, out);
        assertArrayEquals(new double[] {0.5, -1.0, 32767 / 32768.0, 0.0}, out, 0.0);
    }

    @Test
    void averagesChannelsAndReadsOtherLayouts() {
        // Stereo 16-bit big-endian: (0.5 + -0.5) / 2 = 0 and (0.5 + 0.5) / 2 = 0.5.
        PcmFrameDecoder stereo = new PcmFrameDecoder(new AudioFormat(48000, 16, 2, true, true));
        double[] out = new double[2];
        stereo.decode(new byte[] {0x40, 0x00, (byte) 0xC0, 0x00, 0x40, 0x00, 0x40, 0x00}, 2, out);
        assertArrayEquals(new double[] {0.0, 0.5}, out, 0.0);
        // Unsigned 8-bit: 128 is silence.
        PcmFrameDecoder u8 = new PcmFrameDecoder(new AudioFormat(AudioFormat.Encoding.PCM_UNSIGNED, 8000, 8, 1, 1, 8000, false));
        u8.decode(new byte[] {(byte) 128, (byte) 192, 0}, 3, out = new double[3]);
        assertArrayEquals(new double[] {0.0, 0.5, -1.0}, out, 0.0);
        // 24-bit little-endian.
        PcmFrameDecoder s24 = new PcmFrameDecoder(new AudioFormat(44100, 24, 1, true, false));
        s24.decode(new byte[] {0x00, 0x00, (byte) 0xC0}, 1, out = new double[1]);
        assertArrayEquals(new double[] {-0.5}, out, 0.0);
        assertFalse(PcmFrameDecoder.supports(new AudioFormat(AudioFormat.Encoding.ULAW, 8000, 8, 1, 1, 8000, false)));
    }
}
