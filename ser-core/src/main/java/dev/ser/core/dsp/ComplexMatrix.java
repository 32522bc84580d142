package dev.ser.core.dsp;

/**
 * A dense complex matrix as two row-major real matrices of the same shape, in librosa's
 * orientation (rows are frequency bins, columns are frames for an STFT).
 */
public final class ComplexMatrix {
    private final Matrix re;
    private final Matrix im;

    public ComplexMatrix(int rows, int cols) {
        this(new Matrix(rows, cols), new Matrix(rows, cols));
    }

    public ComplexMatrix(Matrix re, Matrix im) {
        if (re.rows() != im.rows() || re.cols() != im.cols()) {
            throw new IllegalArgumentException("real and imaginary parts differ in shape: "
                    + re + " vs " + im);
        }
        this.re = re;
        this.im = im;
    }

    public int rows() {
        return re.rows();
    }

    public int cols() {
        return re.cols();
    }

    /** The real part (backing matrix, not a copy). */
    public Matrix re() {
        return re;
    }

    /** The imaginary part (backing matrix, not a copy). */
    public Matrix im() {
        return im;
    }

    /** Element-wise magnitude {@code |z|}. */
    public Matrix magnitude() {
        return power(1.0);
    }

    /**
     * Element-wise {@code |z|^exponent}; exponent 2 gives the power spectrogram without a square
     * root, exponent 1 the magnitude.
     */
    public Matrix power(double exponent) {
        double[] r = re.data();
        double[] i = im.data();
        double[] out = new double[r.length];
        if (exponent == 2.0) {
            for (int k = 0; k < out.length; k++) {
                out[k] = r[k] * r[k] + i[k] * i[k];
            }
        } else if (exponent == 1.0) {
            magnitudes(r, i, out, out.length);
        } else {
            double half = exponent / 2.0;
            for (int k = 0; k < out.length; k++) {
                out[k] = Math.pow(r[k] * r[k] + i[k] * i[k], half);
            }
        }
        return new Matrix(re.rows(), re.cols(), out);
    }

    /**
     * {@code power(2.0)} and {@code magnitude()} in one pass over the complex values, with the same
     * expressions (so the same numbers).
     */
    public Stft.Spectrograms powerAndMagnitude() {
        double[] r = re.data();
        double[] i = im.data();
        double[] power = new double[r.length];
        double[] magnitude = new double[r.length];
        powersAndMagnitudes(r, i, power, magnitude, r.length);
        return new Stft.Spectrograms(new Matrix(re.rows(), re.cols(), power),
                new Matrix(re.rows(), re.cols(), magnitude));
    }

    /**
     * {@code magnitude[k] = sqrt(re[k]^2 + im[k]^2)} for {@code k < n}: the one expression of the
     * magnitude everywhere (this class, {@link Stft}), so every path gives the same numbers.
     * {@code sqrt} rather than {@link Math#hypot}: within one ulp of it, several times faster, and
     * audio magnitudes are nowhere near overflow or underflow. One index for all arrays, so C2
     * vectorises it, the square root included.
     */
    static void magnitudes(double[] re, double[] im, double[] magnitude, int n) {
        for (int k = 0; k < n; k++) {
            magnitude[k] = Math.sqrt(re[k] * re[k] + im[k] * im[k]);
        }
    }

    /** {@code power[k] = re[k]^2 + im[k]^2} and its square root into {@code magnitude[k]}, {@code k < n}. */
    static void powersAndMagnitudes(double[] re, double[] im, double[] power, double[] magnitude, int n) {
        for (int k = 0; k < n; k++) {
            double p = re[k] * re[k] + im[k] * im[k];
            power[k] = p;
            magnitude[k] = Math.sqrt(p);
        }
    }

    public ComplexMatrix copy() {
        return new ComplexMatrix(re.copy(), im.copy());
    }

    @Override
    public String toString() {
        return "ComplexMatrix[" + rows() + "x" + cols() + "]";
    }
}
