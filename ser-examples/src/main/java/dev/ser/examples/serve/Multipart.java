package dev.ser.examples.serve;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A small, strict {@code multipart/form-data} reader (RFC 7578) over a body already held in memory
 * (and so already bounded by the upload limit). It finds one named field and returns its bytes
 * without copying the rest; anything malformed is a 400.
 */
final class Multipart {
    /** Longest header block of one part: headers beyond this are malformed, not data. */
    static final int MAX_PART_HEADER_BYTES = 8192;
    /** RFC 2046 limits boundaries to 70 characters. */
    static final int MAX_BOUNDARY_LENGTH = 70;

    /** One part's content: a slice of the body and the client's file name, if any. */
    record Part(byte[] body, int offset, int length, String fileName) {
        byte[] bytes() {
            return java.util.Arrays.copyOfRange(body, offset, offset + length);
        }
    }

    private Multipart() {
    }

    /** The boundary parameter of a {@code multipart/form-data} content type. */
    static String boundary(String contentType) throws HttpError {
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
                String b = p.substring(9);
                if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
                    b = b.substring(1, b.length() - 1);
                }
                if (b.isEmpty() || b.length() > MAX_BOUNDARY_LENGTH) {
                    throw new HttpError(400, "multipart boundary must have 1 to 70 characters");
                }
                return b;
            }
        }
        throw new HttpError(400, "multipart/form-data without a boundary parameter");
    }

    /**
     * The part named {@code field}.
     *
     * @throws HttpError 400 if the body is not well-formed multipart or has no such field
     */
    static Part find(byte[] body, int length, String boundary, String field) throws HttpError {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] nextDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int pos = indexOf(body, length, delimiter, 0);
        if (pos < 0) {
            throw new HttpError(400, "malformed multipart body: no boundary line");
        }
        pos += delimiter.length;
        while (true) {
            if (startsWith(body, length, pos, "--")) {
                throw new HttpError(400, "multipart body has no field '" + field + "'");
            }
            if (!startsWith(body, length, pos, "\r\n")) {
                throw new HttpError(400, "malformed multipart body: boundary line not followed by CRLF");
            }
            pos += 2;
            int headerEnd = indexOf(body, Math.min(length, pos + MAX_PART_HEADER_BYTES),
                    "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
            if (headerEnd < 0) {
                throw new HttpError(400, "malformed multipart body: part headers unterminated or longer than "
                        + MAX_PART_HEADER_BYTES + " bytes");
            }
            String headers = new String(body, pos, headerEnd - pos, StandardCharsets.UTF_8);
            int contentStart = headerEnd + 4;
            int contentEnd = indexOf(body, length, nextDelimiter, contentStart);
            if (contentEnd < 0) {
                throw new HttpError(400, "malformed multipart body: part not closed by a boundary");
            }
            String disposition = header(headers, "content-disposition");
            if (disposition != null && field.equals(param(disposition, "name"))) {
                return new Part(body, contentStart, contentEnd - contentStart, param(disposition, "filename"));
            }
            pos = contentEnd + nextDelimiter.length;
        }
    }

    private static String header(String block, String name) {
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** A parameter of a Content-Disposition value; quoted values may hold ';'. */
    static String param(String value, String name) {
        int i = 0;
        int n = value.length();
        while (i < n) {
            int semi = value.indexOf(';', i);
            if (semi < 0) {
                return null;
            }
            i = semi + 1;
            while (i < n && value.charAt(i) == ' ') {
                i++;
            }
            int eq = value.indexOf('=', i);
            if (eq < 0) {
                return null;
            }
            String key = value.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            String v;
            if (i < n && value.charAt(i) == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (i < n && value.charAt(i) != '"') {
                    char c = value.charAt(i);
                    if (c == '\\' && i + 1 < n) {
                        c = value.charAt(++i);
                    }
                    b.append(c);
                    i++;
                }
                i++;
                v = b.toString();
            } else {
                int end = value.indexOf(';', i);
                v = value.substring(i, end < 0 ? n : end).trim();
                i = end < 0 ? n : end;
            }
            if (key.equals(name)) {
                return v;
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] a, int length, int at, String s) {
        if (at + s.length() > length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (a[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] a, int length, byte[] needle, int from) {
        int last = length - needle.length;
        byte first = needle[0];
        for (int i = from; i <= last; i++) {
            if (a[i] != first) {
                continue;
            }
            int k = 1;
            while (k < needle.length && a[i + k] == needle[k]) {
                k++;
            }
            if (k == needle.length) {
                return i;
            }
        }
        return -1;
    }
}
