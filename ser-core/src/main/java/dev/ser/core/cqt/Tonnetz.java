package dev.ser.core.cqt;

import dev.ser.core.audio.AudioSignal;
import dev.ser.core.dsp.Matrix;

/**
 * Tonal centroid features, {@code librosa.feature.tonnetz} (Harte, Sandler and Gasser 2006):
 * each frame's chroma, scaled to unit L1 norm, projected onto three circles of the tonnetz —
 * fifths, minor thirds, major thirds — as (sin, cos) pairs: six rows per frame.
 *
 * <p>Row order is librosa's: {@code 0,1} fifth (x, y), {@code 2,3} minor third, {@code 4,5}
 * major third (radius 1/2). Every value lies in {@code [-1, 1]}. Stateless and thread-safe.
 */
public final class Tonnetz {
    /** Rows of the projection. */
    public static final int DIMENSIONS = 6;

    private static final double[] SPEED = {7.0 / 6, 7.0 / 6, 3.0 / 2, 3.0 / 2, 2.0 / 3, 2.0 / 3};
    private static final double[] RADIUS = {1, 1, 1, 1, 0.5, 0.5};

    private Tonnetz() {
    }

    /**
     * {@code librosa.feature.tonnetz(y=y, sr=sampleRate)}: the projection of
     * {@code chroma_cqt(y, sr)} with its defaults; {@code 6 x frames}.
     */
    public static Matrix compute(double[] y, double sampleRate) {
        return fromChroma(ChromaCqt.defaults().compute(y, sampleRate));
    }

    /** {@link #compute(double[], double)} on a signal's samples at its rate. */
    public static Matrix compute(AudioSignal signal) {
        return compute(signal.samplesView(), signal.sampleRate());
    }

    /** {@code tonnetz(y=y, sr=sampleRate, **chroma_cqt_kwargs)}: with a configured chromagram. */
    public static Matrix compute(double[] y, double sampleRate, ChromaCqt chroma) {
        return fromChroma(chroma.compute(y, sampleRate));
    }

    /** {@code tonnetz(chroma=chroma)}: {@code 6 x frames} from any {@code nChroma x frames} chromagram. */
    public static Matrix fromChroma(Matrix chroma) {
        int n = chroma.rows();
        int frames = chroma.cols();
        double[] normalized = chroma.data().clone();
        ColumnNorm.normalize(normalized, n, frames, 1.0);
        double[][] phi = projection(n);
        Matrix out = new Matrix(DIMENSIONS, frames);
        double[] o = out.data();
        for (int d = 0; d < DIMENSIONS; d++) {
            int od = d * frames;
            for (int c = 0; c < n; c++) {
                double w = phi[d][c];
                int ic = c * frames;
                for (int t = 0; t < frames; t++) {
                    o[od + t] += w * normalized[ic + t];
                }
            }
        }
        return out;
    }

    /**
     * The {@code 6 x nChroma} projection: pitch class {@code c} sits at angle
     * {@code pi * speed * 12c / nChroma} on each circle; even rows take the sine (a cosine
     * shifted by half a turn of pi), odd rows the cosine.
     */
    public static double[][] projection(int nChroma) {
        double[][] phi = new double[DIMENSIONS][nChroma];
        for (int d = 0; d < DIMENSIONS; d++) {
            for (int c = 0; c < nChroma; c++) {
                double v = SPEED[d] * (c * (12.0 / nChroma));
                if (d % 2 == 0) {
                    v -= 0.5;
                }
                phi[d][c] = RADIUS[d] * Math.cos(Math.PI * v);
            }
        }
        return phi;
    }
}
