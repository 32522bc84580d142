package dev.ser.core.audio;

import static dev.ser.core.audio.AudioFormatException.Reason.CHECKSUM_MISMATCH;
import static dev.ser.core.audio.AudioFormatException.Reason.CORRUPT_STREAM;
import static dev.ser.core.audio.AudioFormatException.Reason.EMPTY_DATA;
import static dev.ser.core.audio.AudioFormatException.Reason.INVALID_HEADER;
import static dev.ser.core.audio.AudioFormatException.Reason.SIZE_EXCEEDS_INPUT;
import static dev.ser.core.audio.AudioFormatException.Reason.TOO_LARGE;
import static dev.ser.core.audio.AudioFormatException.Reason.TRUNCATED;
import static dev.ser.core.audio.AudioFormatException.Reason.UNSUPPORTED_ENCODING;
import static dev.ser.core.audio.AudioFormatException.Reason.ZERO_SAMPLE_RATE;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A FLAC decoder written from RFC 9639: STREAMINFO, fixed and variable block sizes, 4..32 bits per
 * sample, constant/verbatim/fixed/LPC subframes, wasted bits, independent/left-side/side-right/mid-side
 * stereo, Rice partitions with 4- and 5-bit parameters and escape codes, CRC-8 and CRC-16 checks, and
 * MD5 verification of the decoded signal. Other metadata blocks are skipped.
 *
 * <p>One instance decodes one stream; per-block buffers are reused between frames, so the hot loops
 * allocate nothing.
 */
final class FlacDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(FlacDecoder.class);
    private static final int STREAMINFO = 0;
    private static final int[] RATE_TABLE = {0, 88200, 176400, 192000, 8000, 16000, 22050, 24000, 32000, 44100,
        48000, 96000};
    private static final int[] DEPTH_TABLE = {0, 8, 12, -1, 16, 20, 24, 32};
    private static final int MAX_BLOCK = 65536;

    /** The STREAMINFO block. */
    private record StreamInfo(int sampleRate, int channels, int bps, long totalSamples, byte[] md5) {
        boolean hasMd5() {
            for (byte b : md5) {
                if (b != 0) {
                    return true;
                }
            }
            return false;
        }
    }

    private final ByteInput in;
    private final DecodeOptions options;
    private StreamInfo info;
    private FlacBitReader reader;
    private long[][] block;
    private final long[] coefs = new long[32];
    private double[][] out;
    private int frames;
    private MessageDigest md5;
    private byte[] md5Buffer = new byte[0];
    // Current frame header, kept in fields so that no object is allocated per frame.
    private int blockSize;
    private int assignment;

    private FlacDecoder(ByteInput in, DecodeOptions options) {
        this.in = in;
        this.options = options;
    }

    /**
     * Decodes the FLAC stream whose {@code fLaC} marker starts at {@code start}.
     */
    static DecodedAudio decode(ByteInput in, int start, DecodeOptions options) throws AudioFormatException {
        return new FlacDecoder(in, options).run(start);
    }

    private DecodedAudio run(int start) throws AudioFormatException {
        int pos = readMetadata(start + 4);
        int channels = info.channels;
        block = new long[channels][4096];
        out = new double[channels][initialCapacity(pos)];
        reader = new FlacBitReader(in, pos);
        if (options.verifyFlacMd5() && info.hasMd5()) {
            md5 = newMd5();
        }
        double scale = Math.scalb(1.0, 1 - info.bps);
        while (pos < in.end) {
            if (!isSync(pos)) {
                if (endOfFrames(pos)) {
                    break;
                }
                throw in.error(CORRUPT_STREAM, "no FLAC frame sync code at byte " + pos + " after " + frames
                        + " decoded frames");
            }
            pos = decodeFrame(pos, scale);
        }
        return finish();
    }

    private DecodedAudio finish() throws AudioFormatException {
        if (info.totalSamples > 0 && frames < info.totalSamples) {
            throw in.error(TRUNCATED, "truncated: the FLAC stream ends after " + frames + " of the "
                    + info.totalSamples + " samples STREAMINFO declares");
        }
        if (frames == 0) {
            throw in.error(EMPTY_DATA, "the FLAC stream holds no audio frames");
        }
        if (md5 != null && !Arrays.equals(md5.digest(), info.md5)) {
            throw in.error(CHECKSUM_MISMATCH, "the MD5 of the decoded FLAC signal does not match STREAMINFO");
        }
        for (int c = 0; c < out.length; c++) {
            if (out[c].length != frames) {
                out[c] = Arrays.copyOf(out[c], frames);
            }
        }
        AudioFormatInfo format = new AudioFormatInfo(Container.FLAC, SampleEncoding.FLAC, info.bps, "FLAC");
        return new DecodedAudio(out, info.sampleRate, format);
    }

    /** Whether bytes that are not a frame at {@code pos} can be taken as trailing data (e.g. a tag). */
    private boolean endOfFrames(int pos) {
        if (info.totalSamples > 0 && frames >= info.totalSamples) {
            LOG.debug("{}: ignoring {} bytes after the last FLAC frame", in.name, in.end - pos);
            return true;
        }
        for (int p = pos; p < in.end - 1; p++) {
            if (isSync(p)) {
                return false;
            }
        }
        return info.totalSamples == 0;
    }

    private boolean isSync(int pos) {
        return pos + 1 < in.end && in.u8(pos) == 0xFF && (in.u8(pos + 1) & 0xFE) == 0xF8;
    }

    private int initialCapacity(int audioStart) {
        // Never trust the declared total alone: a lying header must not allocate gigabytes.
        long bound = Math.max(4096, (in.end - (long) audioStart) * 4);
        long cap = info.totalSamples > 0 ? Math.min(info.totalSamples, bound) : bound;
        return (int) Math.min(cap, options.maxFrames(info.channels));
    }

    // ---------------------------------------------------------------- metadata

    private int readMetadata(int pos) throws AudioFormatException {
        boolean last = false;
        while (!last) {
            in.require(pos, 4, "FLAC metadata block header");
            int head = in.u8(pos);
            last = (head & 0x80) != 0;
            int type = head & 0x7F;
            int length = (int) (in.u32be(pos) & 0xFFFFFF);
            pos += 4;
            if (length > in.end - pos) {
                throw in.error(SIZE_EXCEEDS_INPUT, "FLAC metadata block of type " + type + " at offset " + (pos - 4)
                        + " declares " + length + " bytes but only " + (in.end - pos) + " remain");
            }
            if (type == 127) {
                throw in.error(INVALID_HEADER, "FLAC metadata block type 127 is invalid");
            }
            if (type == STREAMINFO) {
                if (info != null) {
                    throw in.error(INVALID_HEADER, "the FLAC stream has a second STREAMINFO block");
                }
                if (length < 34) {
                    throw in.error(INVALID_HEADER, "FLAC STREAMINFO is " + length + " bytes, 34 are required");
                }
                info = parseStreamInfo(pos);
            } else if (info == null) {
                throw in.error(INVALID_HEADER, "the first FLAC metadata block is of type " + type
                        + ", not STREAMINFO");
            }
            pos += length;
        }
        return pos;
    }

    private StreamInfo parseStreamInfo(int p) throws AudioFormatException {
        long packed = in.u64be(p + 10);
        int rate = (int) (packed >>> 44);
        int channels = (int) ((packed >>> 41) & 7) + 1;
        int bps = (int) ((packed >>> 36) & 0x1F) + 1;
        long total = packed & 0xFFFFFFFFFL;
        if (rate == 0) {
            throw in.error(ZERO_SAMPLE_RATE, "FLAC STREAMINFO declares a sample rate of 0 Hz");
        }
        if (bps < 4) {
            throw in.error(UNSUPPORTED_ENCODING, "FLAC with " + bps + " bits per sample is not supported (4..32)");
        }
        return new StreamInfo(rate, channels, bps, total, Arrays.copyOfRange(in.data, p + 18, p + 34));
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides MD5", e);
        }
    }

    // ---------------------------------------------------------------- frames

    /** Decodes the frame at {@code pos}; returns the position after it. */
    private int decodeFrame(int pos, double scale) throws AudioFormatException {
        int headerEnd = readFrameHeader(pos);
        if (frames + (long) blockSize > options.maxFrames(info.channels)) {
            throw in.error(TOO_LARGE, "the FLAC stream decodes to more than the limit of " + options.maxSamples()
                    + " samples");
        }
        ensureBlockCapacity();
        reader.seek(headerEnd);
        int bps = info.bps;
        for (int c = 0; c < block.length; c++) {
            decodeSubframe(block[c], bps + sideBits(c));
        }
        reader.alignToByte();
        int crcPos = reader.bytePosition();
        in.require(crcPos, 2, "FLAC frame CRC-16");
        int expected = in.u16be(crcPos);
        if (FlacChecksums.crc16(in.data, pos, crcPos) != expected) {
            throw in.error(CHECKSUM_MISMATCH, "FLAC frame CRC-16 mismatch in the frame at byte " + pos);
        }
        decorrelate();
        if (md5 != null) {
            updateMd5();
        }
        store(scale);
        return crcPos + 2;
    }

    /** The extra bit the side channel of a stereo decorrelation needs. */
    private int sideBits(int channel) {
        return switch (assignment) {
            case 8, 10 -> channel == 1 ? 1 : 0;
            case 9 -> channel == 0 ? 1 : 0;
            default -> 0;
        };
    }

    /** Parses and checks the frame header at {@code pos}; returns the position of the first subframe. */
    private int readFrameHeader(int pos) throws AudioFormatException {
        in.require(pos, 5, "FLAC frame header");
        int sizeCode = in.u8(pos + 2) >>> 4;
        int rateCode = in.u8(pos + 2) & 0xF;
        int channelCode = in.u8(pos + 3) >>> 4;
        int depthCode = (in.u8(pos + 3) >>> 1) & 7;
        if ((in.u8(pos + 3) & 1) != 0) {
            throw corrupt(pos, "reserved bit set");
        }
        int p = skipCodedNumber(pos, pos + 4);
        switch (sizeCode) {
            case 0 -> throw corrupt(pos, "reserved block size code 0");
            case 1 -> blockSize = 192;
            case 2, 3, 4, 5 -> blockSize = 576 << (sizeCode - 2);
            case 6 -> {
                in.require(p, 1, "FLAC frame block size");
                blockSize = in.u8(p++) + 1;
            }
            case 7 -> {
                in.require(p, 2, "FLAC frame block size");
                blockSize = in.u16be(p) + 1;
                p += 2;
            }
            default -> blockSize = 256 << (sizeCode - 8);
        }
        int rate;
        switch (rateCode) {
            case 0 -> rate = info.sampleRate;
            case 12 -> {
                in.require(p, 1, "FLAC frame sample rate");
                rate = in.u8(p++) * 1000;
            }
            case 13, 14 -> {
                in.require(p, 2, "FLAC frame sample rate");
                rate = in.u16be(p) * (rateCode == 14 ? 10 : 1);
                p += 2;
            }
            case 15 -> throw corrupt(pos, "forbidden sample rate code 15");
            default -> rate = RATE_TABLE[rateCode];
        }
        if (rate != info.sampleRate) {
            throw corrupt(pos, "sample rate " + rate + " Hz differs from STREAMINFO's " + info.sampleRate + " Hz");
        }
        if (channelCode > 10) {
            throw corrupt(pos, "reserved channel assignment " + channelCode);
        }
        int channels = channelCode < 8 ? channelCode + 1 : 2;
        if (channels != info.channels) {
            throw corrupt(pos, channels + " channels where STREAMINFO declares " + info.channels);
        }
        assignment = channelCode;
        int depth = depthCode == 0 ? info.bps : DEPTH_TABLE[depthCode];
        if (depth != info.bps) {
            throw corrupt(pos, depth < 0 ? "reserved sample size code 3"
                    : depth + " bits per sample where STREAMINFO declares " + info.bps);
        }
        in.require(p, 1, "FLAC frame header CRC-8");
        if (FlacChecksums.crc8(in.data, pos, p) != in.u8(p)) {
            throw in.error(CHECKSUM_MISMATCH, "FLAC frame header CRC-8 mismatch in the frame at byte " + pos);
        }
        return p + 1;
    }

    /** Skips the UTF-8-like coded frame or sample number; returns the position after it. */
    private int skipCodedNumber(int frame, int p) throws AudioFormatException {
        int first = in.u8(p);
        int extra;
        if (first < 0x80) {
            extra = 0;
        } else if (first >= 0xC0 && first < 0xFF) {
            extra = Integer.numberOfLeadingZeros(~(first << 24)) - 1; // count of leading 1 bits, minus one
        } else {
            throw corrupt(frame, "invalid coded number");
        }
        in.require(p, 1 + extra, "FLAC frame number");
        for (int i = 1; i <= extra; i++) {
            if ((in.u8(p + i) & 0xC0) != 0x80) {
                throw corrupt(frame, "invalid coded number");
            }
        }
        return p + 1 + extra;
    }

    private AudioFormatException corrupt(int frame, String problem) {
        return in.error(CORRUPT_STREAM, "invalid FLAC frame header at byte " + frame + ": " + problem);
    }

    private AudioFormatException corruptSubframe(String problem) {
        return in.error(CORRUPT_STREAM, "invalid FLAC subframe after " + frames + " frames: " + problem);
    }

    private void ensureBlockCapacity() {
        if (block[0].length < blockSize) {
            int size = Math.min(MAX_BLOCK, Math.max(blockSize, block[0].length * 2));
            for (int c = 0; c < block.length; c++) {
                block[c] = new long[size];
            }
        }
        long needed = (long) frames + blockSize;
        if (needed > out[0].length) {
            long grown = Math.max(needed, out[0].length + (out[0].length >> 1));
            int size = (int) Math.min(grown, options.maxFrames(info.channels));
            for (int c = 0; c < out.length; c++) {
                out[c] = Arrays.copyOf(out[c], size);
            }
        }
    }

    // ---------------------------------------------------------------- subframes

    private void decodeSubframe(long[] s, int bps) throws AudioFormatException {
        FlacBitReader r = reader;
        int n = blockSize;
        int head = (int) r.readBits(8);
        if ((head & 0x80) != 0) {
            throw corruptSubframe("padding bit set");
        }
        int type = (head >>> 1) & 0x3F;
        int wasted = 0;
        if ((head & 1) != 0) {
            long w = r.readUnary() + 1;
            if (w >= bps) {
                throw corruptSubframe(w + " wasted bits of " + bps);
            }
            wasted = (int) w;
        }
        int width = bps - wasted;
        if (type == 0) {
            Arrays.fill(s, 0, n, r.readSigned(width));
        } else if (type == 1) {
            for (int i = 0; i < n; i++) {
                s[i] = r.readSigned(width);
            }
        } else if (type >= 8 && type <= 12) {
            int order = type - 8;
            readWarmup(s, order, width);
            readResidual(s, order);
            restoreFixed(s, n, order);
        } else if (type >= 32) {
            int order = type - 31;
            readWarmup(s, order, width);
            int precision = (int) r.readBits(4) + 1;
            if (precision == 16) {
                throw corruptSubframe("invalid LPC coefficient precision");
            }
            int shift = (int) r.readSigned(5);
            if (shift < 0) {
                throw corruptSubframe("negative LPC shift " + shift);
            }
            for (int j = 0; j < order; j++) {
                coefs[j] = r.readSigned(precision);
            }
            readResidual(s, order);
            restoreLpc(s, n, order, shift);
        } else {
            throw corruptSubframe("reserved subframe type " + type);
        }
        if (wasted > 0) {
            for (int i = 0; i < n; i++) {
                s[i] <<= wasted;
            }
        }
    }

    private void readWarmup(long[] s, int order, int width) throws AudioFormatException {
        if (order > blockSize) {
            throw corruptSubframe("predictor order " + order + " exceeds the block size " + blockSize);
        }
        for (int i = 0; i < order; i++) {
            s[i] = reader.readSigned(width);
        }
    }

    /** Reads the Rice-coded residual into {@code s[order..blockSize)}. */
    private void readResidual(long[] s, int order) throws AudioFormatException {
        FlacBitReader r = reader;
        int method = (int) r.readBits(2);
        if (method > 1) {
            throw corruptSubframe("reserved residual coding method " + method);
        }
        int paramBits = method == 0 ? 4 : 5;
        int escape = (1 << paramBits) - 1;
        int partitionOrder = (int) r.readBits(4);
        int partitionSize = blockSize >>> partitionOrder;
        if (partitionSize << partitionOrder != blockSize || partitionSize < order) {
            throw corruptSubframe("partition order " + partitionOrder + " does not fit block size " + blockSize
                    + " and predictor order " + order);
        }
        int i = order;
        for (int part = 0, parts = 1 << partitionOrder; part < parts; part++) {
            int count = part == 0 ? partitionSize - order : partitionSize;
            int param = (int) r.readBits(paramBits);
            if (param == escape) {
                int raw = (int) r.readBits(5);
                for (int k = 0; k < count; k++) {
                    s[i + k] = r.readSigned(raw);
                }
            } else {
                r.readRice(s, i, count, param);
            }
            i += count;
        }
    }

    private static void restoreFixed(long[] s, int n, int order) {
        switch (order) {
            case 1 -> {
                for (int i = 1; i < n; i++) {
                    s[i] += s[i - 1];
                }
            }
            case 2 -> {
                for (int i = 2; i < n; i++) {
                    s[i] += 2 * s[i - 1] - s[i - 2];
                }
            }
            case 3 -> {
                for (int i = 3; i < n; i++) {
                    s[i] += 3 * (s[i - 1] - s[i - 2]) + s[i - 3];
                }
            }
            case 4 -> {
                for (int i = 4; i < n; i++) {
                    s[i] += 4 * (s[i - 1] + s[i - 3]) - 6 * s[i - 2] - s[i - 4];
                }
            }
            default -> {
                // order 0: the residual is the signal
            }
        }
    }

    private void restoreLpc(long[] s, int n, int order, int shift) {
        long[] c = coefs;
        for (int i = order; i < n; i++) {
            long sum = 0;
            for (int j = 0, k = i - 1; j < order; j++, k--) {
                sum += c[j] * s[k];
            }
            s[i] += sum >> shift;
        }
    }

    // ---------------------------------------------------------------- output

    private void decorrelate() {
        if (assignment < 8) {
            return;
        }
        long[] a = block[0];
        long[] b = block[1];
        int n = blockSize;
        switch (assignment) {
            case 8 -> { // left, side: right = left - side
                for (int i = 0; i < n; i++) {
                    b[i] = a[i] - b[i];
                }
            }
            case 9 -> { // side, right: left = side + right
                for (int i = 0; i < n; i++) {
                    a[i] += b[i];
                }
            }
            default -> { // mid, side: the side's low bit restores the bit the mid lost when halved
                for (int i = 0; i < n; i++) {
                    long side = b[i];
                    long mid = (a[i] << 1) | (side & 1);
                    a[i] = (mid + side) >> 1;
                    b[i] = (mid - side) >> 1;
                }
            }
        }
    }

    private void store(double scale) {
        int n = blockSize;
        for (int c = 0; c < block.length; c++) {
            long[] s = block[c];
            double[] o = out[c];
            int base = frames;
            for (int i = 0; i < n; i++) {
                o[base + i] = s[i] * scale;
            }
        }
        frames += n;
    }

    /** Feeds the block to the MD5 as interleaved little-endian signed integers of whole bytes. */
    private void updateMd5() {
        int bytes = (info.bps + 7) >>> 3;
        int channels = block.length;
        int n = blockSize;
        int total = n * channels * bytes;
        if (md5Buffer.length < total) {
            md5Buffer = new byte[total];
        }
        byte[] m = md5Buffer;
        for (int c = 0; c < channels; c++) {
            long[] s = block[c];
            int p = c * bytes;
            int stride = channels * bytes;
            for (int i = 0; i < n; i++, p += stride) {
                long v = s[i];
                for (int k = 0; k < bytes; k++) {
                    m[p + k] = (byte) (v >>> (8 * k));
                }
            }
        }
        md5.update(m, 0, total);
    }
}
