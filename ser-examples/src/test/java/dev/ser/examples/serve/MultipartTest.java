package dev.ser.examples.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class MultipartTest {
    @Test
    void boundaryFromContentType() throws HttpError {
        assertEquals("abc", Multipart.boundary("multipart/form-data; boundary=abc"));
        // RFC 2046 boundaries may hold spaces and ':' when quoted, never ';'.
        assertEquals("a b:c", Multipart.boundary("multipart/form-data; charset=x; BOUNDARY=\"a b:c\""));
        assertEquals(400, assertThrows(HttpError.class, () -> Multipart.boundary("multipart/form-data")).status());
        assertEquals(400, assertThrows(HttpError.class,
                () -> Multipart.boundary("multipart/form-data; boundary=" + "x".repeat(71))).status());
    }

    @Test
    void dispositionParameters() {
        String d = "form-data; name=\"file\"; filename=\"a;b \\\"c\\\".wav\"";
        assertEquals("file", Multipart.param(d, "name"));
        assertEquals("a;b \"c\".wav", Multipart.param(d, "filename"));
        assertNull(Multipart.param("form-data; name=x", "filename"));
        assertEquals("x", Multipart.param("form-data; name=x", "name"));
    }

    @Test
    void truncatedBodiesAreRejected() {
        String body = "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nDATA";
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        HttpError e = assertThrows(HttpError.class, () -> Multipart.find(bytes, bytes.length, "b", "file"));
        assertEquals(400, e.status());
        byte[] noHeaderEnd = ("--b\r\n" + "X".repeat(Multipart.MAX_PART_HEADER_BYTES + 10) + "\r\n\r\n\r\n--b--")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(HttpError.class, () -> Multipart.find(noHeaderEnd, noHeaderEnd.length, "b", "file"));
    }

    /** Any content (including CRLFs and dashes) comes back byte for byte from among other fields. */
    @Property(tries = 200)
    void roundTrip(@ForAll @Size(max = 300) byte[] content, @ForAll @AlphaChars @NumericChars
            @StringLength(min = 1, max = 70) String boundary) throws HttpError {
        byte[] body = SerServerTest.multipart(boundary, "file", "f.wav", content);
        Multipart.Part part = Multipart.find(body, body.length, boundary, "file");
        assertArrayEquals(content, part.bytes());
        assertEquals("f.wav", part.fileName());
    }
}
