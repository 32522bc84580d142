package dev.ser.core.dsp;

/**
 * A parameter of a spectral feature (mel filter bank, decibel conversion, DCT, MFCC, spectral
 * contrast) that the computation cannot honour, for example a spectral-contrast band above the
 * Nyquist frequency. These are the cases where librosa raises {@code ParameterError}; the
 * message names the parameter and its offending value.
 */
public class SpectralParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SpectralParameterException(String message) {
        super(message);
    }
}
