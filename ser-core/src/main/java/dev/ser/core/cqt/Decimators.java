package dev.ser.core.cqt;

/**
 * The {@link Decimator}s librosa's {@code res_type} choices correspond to.
 */
public final class Decimators {
    private static final Decimator HIGH_QUALITY = (y, factor) -> {
        throw new UnsupportedOperationException("the soxr_hq stand-in resampler is not wired in yet");
    };

    private Decimators() {
    }

    /**
     * librosa's default {@code res_type='soxr_hq'}: a high-quality band-limited resampler.
     *
     * @throws UnsupportedOperationException until the resampler module is wired in
     */
    public static Decimator highQuality() {
        return HIGH_QUALITY;
    }
}
