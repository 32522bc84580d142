package dev.ser.examples.listen;

import java.io.IOException;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default microphone through Java Sound ({@link TargetDataLine}). Asks for 16 kHz mono 16-bit
 * little-endian PCM; where the device offers no such format, records in a PCM format it does offer and
 * converts it to mono doubles here. The rate is then the device's own: the recognizer resamples each
 * utterance to the model's rate, so nothing is resampled on the capture thread.
 */
public final class MicrophoneSource implements AudioSource {
    /** The rate asked for first, in Hz: the rate of the bundled model. */
    public static final int PREFERRED_RATE = 16000;
    /** The device buffer asked for by {@link #open()}, in seconds. */
    public static final double DEFAULT_BUFFER_SECONDS = 0.5;

    private static final Logger LOG = LoggerFactory.getLogger(MicrophoneSource.class);
    private static final float[] FALLBACK_RATES = {16000f, 48000f, 44100f, 32000f, 22050f, 8000f};

    private final TargetDataLine line;
    private final PcmFrameDecoder decoder;
    private byte[] bytes = new byte[0];

    private MicrophoneSource(TargetDataLine line) {
        this.line = line;
        this.decoder = new PcmFrameDecoder(line.getFormat());
    }

    /** Opens the default microphone at {@link #PREFERRED_RATE} with a {@link #DEFAULT_BUFFER_SECONDS} buffer. */
    public static MicrophoneSource open() throws NoCaptureDeviceException {
        return open(PREFERRED_RATE, DEFAULT_BUFFER_SECONDS);
    }

    /**
     * Opens and starts the default microphone.
     *
     * @param preferredRate the rate to ask for first, in Hz
     * @param bufferSeconds the device buffer, in seconds (longer survives slower readers)
     * @throws NoCaptureDeviceException if this machine has no capture device, none offers a PCM format,
     *                                  or the device is busy
     */
    public static MicrophoneSource open(int preferredRate, double bufferSeconds) throws NoCaptureDeviceException {
        if (preferredRate <= 0 || !(bufferSeconds > 0)) {
            throw new IllegalArgumentException("rate and buffer must be positive, got " + preferredRate
                    + " Hz and " + bufferSeconds + " s");
        }
        AudioFormat format = chooseFormat(preferredRate);
        try {
            TargetDataLine line = (TargetDataLine) AudioSystem.getLine(new DataLine.Info(TargetDataLine.class, format));
            int frameBytes = format.getFrameSize();
            int bufferBytes = Math.max(frameBytes, (int) (bufferSeconds * format.getSampleRate()) * frameBytes);
            line.open(format, bufferBytes);
            line.start();
            LOG.info("recording from the microphone: {}", line.getFormat());
            return new MicrophoneSource(line);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new NoCaptureDeviceException("cannot open the microphone (" + format + "): " + e.getMessage(), e);
        }
    }

    /** Whether this machine has any audio capture device that Java Sound can see. */
    public static boolean available() {
        try {
            return AudioSystem.getTargetLineInfo(new Line.Info(TargetDataLine.class)).length > 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The preferred format if the device takes it, otherwise the first PCM format of 8 to 32 bits it offers. */
    private static AudioFormat chooseFormat(int preferredRate) throws NoCaptureDeviceException {
        AudioFormat preferred = new AudioFormat(preferredRate, 16, 1, true, false);
        try {
            if (AudioSystem.isLineSupported(new DataLine.Info(TargetDataLine.class, preferred))) {
                return preferred;
            }
            if (!available()) {
                throw new NoCaptureDeviceException("no audio capture device (microphone) found on this machine");
            }
            for (Mixer.Info mixerInfo : AudioSystem.getMixerInfo()) {
                for (Line.Info info : AudioSystem.getMixer(mixerInfo).getTargetLineInfo()) {
                    if (info instanceof DataLine.Info dataInfo) {
                        AudioFormat usable = usableFormat(dataInfo.getFormats());
                        if (usable != null) {
                            return usable;
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new NoCaptureDeviceException("no usable audio capture device: " + e.getMessage(), e);
        }
        throw new NoCaptureDeviceException("the audio capture devices offer no PCM format this program can read");
    }

    private static AudioFormat usableFormat(AudioFormat[] offered) {
        for (AudioFormat f : offered) {
            if (!PcmFrameDecoder.supports(f)) {
                continue;
            }
            // Formats listed with an unspecified rate accept any: take the first common rate they support.
            float[] rates = f.getSampleRate() == AudioSystem.NOT_SPECIFIED ? FALLBACK_RATES : new float[] {f.getSampleRate()};
            int channels = f.getChannels() == AudioSystem.NOT_SPECIFIED ? 1 : f.getChannels();
            for (float rate : rates) {
                AudioFormat concrete = new AudioFormat(f.getEncoding(), rate, f.getSampleSizeInBits(), channels,
                        channels * (f.getSampleSizeInBits() / 8), rate, f.isBigEndian());
                if (AudioSystem.isLineSupported(new DataLine.Info(TargetDataLine.class, concrete))) {
                    return concrete;
                }
            }
        }
        return null;
    }

    @Override
    public int sampleRate() {
        return Math.round(line.getFormat().getSampleRate());
    }

    /** The format the device records in. */
    public AudioFormat format() {
        return line.getFormat();
    }

    @Override
    public int read(double[] buffer) throws IOException {
        if (!line.isOpen()) {
            return -1;
        }
        int frameBytes = line.getFormat().getFrameSize();
        int want = buffer.length * frameBytes;
        if (bytes.length < want) {
            bytes = new byte[want];
        }
        int got = line.read(bytes, 0, want);
        int frames = got / frameBytes;
        if (frames == 0) {
            // The line only returns short when it was stopped, flushed or closed: the stream is over.
            return -1;
        }
        decoder.decode(bytes, frames, buffer);
        return frames;
    }

    @Override
    public void close() {
        line.stop();
        line.close();
    }
}
