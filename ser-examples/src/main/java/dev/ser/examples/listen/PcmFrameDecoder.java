package dev.ser.examples.listen;

import javax.sound.sampled.AudioFormat;

/** Turns interleaved integer PCM frames (8 to 32 bits, signed or unsigned, either byte order) into mono doubles. */
final class PcmFrameDecoder {
    private final int bytesPerSample;
    private final int channels;
    private final boolean bigEndian;
    private final boolean unsigned;
    private final double scale;

    PcmFrameDecoder(AudioFormat format) {
        if (!supports(format)) {
            throw new IllegalArgumentException("unsupported capture format " + format);
        }
        this.bytesPerSample = format.getSampleSizeInBits() / 8;
        this.channels = format.getChannels();
        this.bigEndian = format.isBigEndian();
        this.unsigned = format.getEncoding().equals(AudioFormat.Encoding.PCM_UNSIGNED);
        // Average the channels and map the full integer range to [-1, 1).
        this.scale = 1.0 / (channels * Math.pow(2, 8 * bytesPerSample - 1));
    }

    static boolean supports(AudioFormat f) {
        boolean pcm = f.getEncoding().equals(AudioFormat.Encoding.PCM_SIGNED)
                || f.getEncoding().equals(AudioFormat.Encoding.PCM_UNSIGNED);
        int bits = f.getSampleSizeInBits();
        return pcm && bits % 8 == 0 && bits >= 8 && bits <= 32 && f.getChannels() != 0;
    }

    /** Decodes {@code frames} frames from {@code in} into {@code out[0..frames)}. */
    void decode(byte[] in, int frames, double[] out) {
        int pos = 0;
        for (int i = 0; i < frames; i++) {
            long sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += sample(in, pos);
                pos += bytesPerSample;
            }
            out[i] = sum * scale;
        }
    }

    private long sample(byte[] in, int pos) {
        long v = 0;
        for (int b = 0; b < bytesPerSample; b++) {
            int idx = bigEndian ? pos + b : pos + bytesPerSample - 1 - b;
            v = (v << 8) | (in[idx] & 0xFF);
        }
        int bits = 8 * bytesPerSample;
        if (unsigned) {
            return v - (1L << (bits - 1));
        }
        return (v << (64 - bits)) >> (64 - bits); // sign-extend
    }
}
