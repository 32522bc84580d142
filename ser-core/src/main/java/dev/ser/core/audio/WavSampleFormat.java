package dev.ser.core.audio;

/** Sample formats the {@link WavWriter} can write. */
public enum WavSampleFormat {
    /**
     * 16-bit signed PCM: {@code round(x * 32768)} clipped to [-32768, 32767] (libsndfile's convention,
     * so that a signal read from 16-bit PCM is written back bit-exactly); NaN is written as 0.
     */
    PCM_16(2),
    /** 32-bit IEEE float, values written unchanged (rounded to float). */
    FLOAT_32(4);

    private final int bytes;

    WavSampleFormat(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per sample. */
    public int bytesPerSample() {
        return bytes;
    }
}
