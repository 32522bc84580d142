package dev.ser.core.dsp;

/**
 * The short-time Fourier transform, matching {@code librosa.stft}.
 *
 * <p>Frame {@code t} covers samples {@code [t * hop, t * hop + n_fft)} of the (optionally centre-
 * padded) signal, multiplied by the periodic window zero-padded to {@code n_fft}. The result has
 * {@code 1 + n_fft / 2} rows (bins, DC first) and one column per frame. Stateless and
 * thread-safe.
 */
public final class Stft {
    private Stft() {
    }

    /** The complex STFT of {@code y}. */
    public static ComplexMatrix compute(double[] y, StftConfig config) {
        int nFft = config.nFft();
        int frames = config.frameCount(y.length);
        int bins = config.bins();
        double[] signal = config.center() ? config.padMode().pad(y, nFft / 2) : y;
        double[] window = config.window().padded(config.winLength(), nFft);

        ComplexMatrix out = new ComplexMatrix(bins, frames);
        double[] outRe = out.re().data();
        double[] outIm = out.im().data();
        RealFft fft = RealFft.forSize(nFft);
        double[] frame = new double[nFft];
        double[] re = new double[bins];
        double[] im = new double[bins];
        int hop = config.hopLength();
        for (int t = 0; t < frames; t++) {
            int start = t * hop;
            for (int i = 0; i < nFft; i++) {
                frame[i] = signal[start + i] * window[i];
            }
            fft.forward(frame, 0, re, im);
            for (int k = 0, idx = t; k < bins; k++, idx += frames) {
                outRe[idx] = re[k];
                outIm[idx] = im[k];
            }
        }
        return out;
    }

    /** {@code np.abs(librosa.stft(y, ...))}. */
    public static Matrix magnitude(double[] y, StftConfig config) {
        return compute(y, config).magnitude();
    }

    /** {@code np.abs(librosa.stft(y, ...)) ** 2}, without the square root. */
    public static Matrix power(double[] y, StftConfig config) {
        return compute(y, config).power(2.0);
    }
}
