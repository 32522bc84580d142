package dev.ser.core.audio;

/**
 * What the decoder does with NaN or infinite samples, which only floating-point files can hold.
 *
 * <p>librosa (through soundfile) passes them through unchanged; they then poison every feature
 * computed downstream (an STFT frame containing one NaN is all NaN). Rejecting them gives a typed
 * {@link AudioFormatException} with reason {@link AudioFormatException.Reason#NON_FINITE_SAMPLES}
 * that names the file and the first offending frame.
 */
public enum NonFinitePolicy {
    /** Keep NaN and infinities as they are (librosa/soundfile behaviour). */
    PASS_THROUGH,
    /** Throw an {@link AudioFormatException} when any sample is NaN or infinite. */
    REJECT
}
