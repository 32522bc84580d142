package dev.ser.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads and writes NumPy {@code .npy} files (format versions 1.0 to 3.0) holding little- or
 * big-endian {@code float32}, {@code float64}, {@code int16}, {@code int32} or {@code int64}
 * values in C order, so feature tables and references can be exchanged with Python without
 * conversion. Files ending in {@code .gz} are decompressed transparently.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([fi])(\\d)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    /** Refuse headers larger than this: real ones are under 200 bytes. */
    private static final int MAX_HEADER = 1 << 16;

    private Npy() {
    }

    /** Reads a {@code .npy} or {@code .npy.gz} file. */
    public static NpyArray read(Path path) throws IOException {
        try (InputStream raw = Files.newInputStream(path);
             InputStream in = path.toString().endsWith(".gz")
                     ? new GZIPInputStream(raw, 1 << 16) : new BufferedInputStream(raw, 1 << 16)) {
            return read(in, path.toString());
        }
    }

    /**
     * Reads one array from a stream.
     *
     * @param source a name for error messages (a file name, say)
     */
    public static NpyArray read(InputStream stream, String source) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] magic = new byte[MAGIC.length];
        readFully(in, magic, source);
        for (int i = 0; i < MAGIC.length; i++) {
            if (magic[i] != MAGIC[i]) {
                throw new IOException(source + ": not a .npy file (bad magic)");
            }
        }
        int major = in.readUnsignedByte();
        in.readUnsignedByte();
        long headerLength;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
        } else if (major == 2 || major == 3) {
            headerLength = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
        } else {
            throw new IOException(source + ": unsupported .npy format version " + major);
        }
        if (headerLength > MAX_HEADER) {
            throw new IOException(source + ": .npy header of " + headerLength + " bytes is implausible");
        }
        byte[] headerBytes = new byte[(int) headerLength];
        readFully(in, headerBytes, source);
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);

        Matcher d = DESCR.matcher(header);
        Matcher o = ORDER.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !o.find() || !s.find()) {
            throw new IOException(source + ": unreadable .npy header: " + header.trim());
        }
        if (o.group(1).equals("True")) {
            throw new IOException(source + ": Fortran-order .npy arrays are not supported");
        }
        ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        char kind = d.group(2).charAt(0);
        int width = Integer.parseInt(d.group(3));
        int[] shape = parseShape(s.group(1), source);
        long count = 1;
        for (int dim : shape) {
            count *= dim;
            if (count > Integer.MAX_VALUE - 8) {
                throw new IOException(source + ": array too large for this reader");
            }
        }
        return new NpyArray(shape, readValues(in, (int) count, kind, width, order, source));
    }

    private static double[] readValues(DataInputStream in, int count, char kind, int width,
                                       ByteOrder order, String source) throws IOException {
        if (!(kind == 'f' && (width == 4 || width == 8)) && !(kind == 'i' && (width == 2 || width == 4 || width == 8))) {
            throw new IOException(source + ": unsupported .npy dtype " + kind + width);
        }
        double[] values = new double[count];
        byte[] chunk = new byte[width * 8192];
        int done = 0;
        while (done < count) {
            int n = Math.min(8192, count - done);
            readFully(in, chunk, 0, n * width, source);
            ByteBuffer buf = ByteBuffer.wrap(chunk, 0, n * width).order(order);
            for (int i = 0; i < n; i++) {
                values[done + i] = switch (kind == 'f' ? width : -width) {
                    case 4 -> buf.getFloat();
                    case 8 -> buf.getDouble();
                    case -2 -> buf.getShort();
                    case -4 -> buf.getInt();
                    default -> (double) buf.getLong();
                };
            }
            done += n;
        }
        return values;
    }

    private static int[] parseShape(String text, String source) throws IOException {
        List<Integer> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String t = part.trim();
            if (t.isEmpty()) {
                continue;
            }
            try {
                int v = Integer.parseInt(t.endsWith("L") ? t.substring(0, t.length() - 1) : t);
                if (v < 0) {
                    throw new NumberFormatException();
                }
                dims.add(v);
            } catch (NumberFormatException e) {
                throw new IOException(source + ": bad .npy shape (" + text + ")", e);
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void readFully(DataInputStream in, byte[] b, String source) throws IOException {
        readFully(in, b, 0, b.length, source);
    }

    private static void readFully(DataInputStream in, byte[] b, int off, int len, String source) throws IOException {
        try {
            in.readFully(b, off, len);
        } catch (EOFException e) {
            throw new IOException(source + ": truncated .npy data", e);
        }
    }

    /** Writes {@code array} as little-endian float64 in format version 1.0. */
    public static void write(NpyArray array, OutputStream out) throws IOException {
        writeHeader(array.shape(), "<f8", out);
        ByteBuffer buf = ByteBuffer.allocate(8 * 8192).order(ByteOrder.LITTLE_ENDIAN);
        double[] v = array.values();
        for (int i = 0; i < v.length; i++) {
            buf.putDouble(v[i]);
            if (!buf.hasRemaining()) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
        }
        out.write(buf.array(), 0, buf.position());
    }

    /** Writes {@code array} to a file as little-endian float64. */
    public static void write(NpyArray array, Path path) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(path))) {
            write(array, out);
        }
    }

    private static void writeHeader(int[] shape, String descr, OutputStream out) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            dims.append(d).append(", ");
        }
        if (shape.length > 1) {
            dims.setLength(dims.length() - 2);
        } else if (shape.length == 1) {
            dims.setLength(dims.length() - 1);
        }
        String dict = String.format(Locale.ROOT, "{'descr': '%s', 'fortran_order': False, 'shape': (%s), }",
                descr, dims);
        // Pad with spaces so that magic + version + length + header + newline is a multiple of 64.
        int total = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (64 - total % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(MAGIC);
        head.write(1);
        head.write(0);
        head.write(header.length() & 0xff);
        head.write((header.length() >> 8) & 0xff);
        head.write(header.getBytes(StandardCharsets.ISO_8859_1));
        head.writeTo(out);
    }
}
