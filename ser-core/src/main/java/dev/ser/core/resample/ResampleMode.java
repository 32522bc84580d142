package dev.ser.core.resample;

/** The resampling filter, matching one of librosa's {@code res_type} values. */
public enum ResampleMode {
    /**
     * A linear-phase Kaiser-windowed sinc with a passband flat to 0.913 of the lower Nyquist
     * frequency and the stopband from the lower Nyquist on, standing in for librosa's default
     * {@code res_type='soxr_hq'} (see {@code docs/resampling.md}).
     */
    HIGH_QUALITY,
    /**
     * Exactly {@code scipy.signal.resample_poly(y, up, down)} as librosa's
     * {@code res_type='polyphase'} calls it: a firwin Kaiser(5.0) filter of
     * {@code 20 * max(up, down) + 1} taps with cutoff {@code 1 / max(up, down)} of the up-sampled
     * Nyquist.
     */
    POLYPHASE;

    /**
     * The mode for a librosa {@code res_type} string.
     *
     * @param resType {@code "soxr_hq"} (librosa's default) or {@code "polyphase"}
     * @throws IllegalArgumentException for any other {@code res_type} (librosa's other soxr
     *                                  qualities, resampy, scipy's FFT resampler, ...), which this
     *                                  library does not reproduce
     */
    public static ResampleMode fromLibrosa(String resType) {
        return switch (java.util.Objects.requireNonNull(resType, "resType")) {
            case "soxr_hq" -> HIGH_QUALITY;
            case "polyphase" -> POLYPHASE;
            default -> throw new IllegalArgumentException("unsupported res_type '" + resType
                    + "': only 'soxr_hq' (HIGH_QUALITY) and 'polyphase' (POLYPHASE) are implemented");
        };
    }
}
