package dev.ser.examples.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ser.core.audio.WavSampleFormat;
import dev.ser.core.audio.WavWriter;
import dev.ser.examples.DefaultModel;
import dev.ser.models.recognize.EmotionRecognizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The REST service end to end over loopback (port 0). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SerServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SAMPLE = Path.of("../docs/samples/ravdess/03-01-03-01-02-01-13.flac");
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static EmotionRecognizer recognizer;
    static SerServer server;

    @BeforeAll
    static void start() throws IOException {
        recognizer = DefaultModel.recognizer();
        server = SerServer.start(ServerConfig.builder().port(0).maxConcurrent(4).build(), recognizer);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Two seconds of a vibrato tone with noise at 16 kHz, 16-bit WAV. */
    static byte[] wav() {
        return wav(2.0);
    }

    /**
     * Requests refused before their body is read keep the body small (well under the 64 KiB the JDK
     * server drains on close), so the client always finishes sending and reads the refusal.
     */
    static byte[] shortWav() {
        return wav(0.25);
    }

    static byte[] wav(double seconds) {
        int sr = 16000;
        double[] y = new double[(int) Math.round(seconds * sr)];
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < y.length; i++) {
            double t = (double) i / sr;
            y[i] = 0.3 * Math.sin(2 * Math.PI * (220 * t + 3 * Math.sin(2 * Math.PI * 5 * t)))
                    + 0.02 * rnd.nextGaussian();
        }
        return WavWriter.toBytes(new double[][] {y}, sr, WavSampleFormat.PCM_16);
    }

    static byte[] multipart(String boundary, String field, String fileName, byte[] content) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        b.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        b.writeBytes(content);
        b.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }

    static HttpResponse<String> post(SerServer s, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(s.uri().resolve("/predict"))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            r.header("Content-Type", contentType);
        }
        return CLIENT.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(SerServer s, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(s.uri().resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.toString());
        return JSON.readTree(r.body());
    }

    static void assertError(HttpResponse<String> r, int status, String fragment) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        String error = json(r).path("error").asText();
        assertTrue(error.contains(fragment), "error '" + error + "' should mention '" + fragment + "'");
    }

    @Test
    void rawWavPredictionMatchesTheLibrary() throws Exception {
        byte[] wav = wav();
        JsonNode p = json(post(server, "audio/wav", wav));
        var expected = recognizer.recognize(
                new dev.ser.core.audio.AudioLoader(dev.ser.core.audio.AudioLoader.Options.defaults()).load(wav, "t"));
        assertEquals(expected.label(), p.get("label").asText());
        assertEquals(expected.confidence(), p.get("confidence").asDouble(), 0);
        assertEquals(recognizer.labels().size(), p.get("probabilities").size());
        for (String label : recognizer.labels()) {
            assertEquals(expected.probabilities().get(label), p.get("probabilities").get(label).asDouble(), 0);
        }
        assertEquals(2.0, p.get("duration_seconds").asDouble(), 1e-12);
        assertEquals(16000, p.get("sample_rate").asInt());
        assertEquals(expected.ranking().get(0), p.get("probabilities").fieldNames().next(), "most probable first");
    }

    @Test
    void flacByMultipartAndRawGiveTheCliPrediction() throws Exception {
        byte[] flac = Files.readAllBytes(SAMPLE);
        var expected = recognizer.recognize(SAMPLE);
        JsonNode multi = json(post(server, "multipart/form-data; boundary=XyZ123", multipart("XyZ123", "file",
                "a.flac", flac)));
        JsonNode raw = json(post(server, "audio/flac", flac));
        JsonNode octets = json(post(server, "application/octet-stream", flac));
        assertEquals(expected.label(), multi.get("label").asText());
        assertEquals(expected.confidence(), multi.get("confidence").asDouble(), 1e-12);
        assertEquals(multi, raw);
        assertEquals(multi, octets);
        assertEquals(16000, multi.get("sample_rate").asInt());
    }

    @Test
    void badRequestsGetClearJsonErrors() throws Exception {
        byte[] garbage = "this is not audio, just text pretending to be a file".getBytes(StandardCharsets.UTF_8);
        assertEquals(422, post(server, "audio/wav", garbage).statusCode());
        assertTrue(json(post(server, "audio/wav", garbage)).get("error").asText().length() > 10);
        assertError(post(server, "text/plain", wav()), 415, "text/plain");
        assertError(post(server, null, wav()), 415, "content type");
        assertError(post(server, "multipart/form-data; boundary=b0", multipart("b0", "other", "x.wav", wav())),
                400, "'file'");
        assertError(post(server, "multipart/form-data", multipart("b0", "file", "x.wav", wav())), 400, "boundary");
        assertError(post(server, "multipart/form-data; boundary=b0", "--b0\r\nno end".getBytes(StandardCharsets.UTF_8)),
                400, "malformed");
        assertError(post(server, "audio/wav", new byte[0]), 400, "empty");
        assertError(get(server, "/predict"), 405, "GET");
        assertEquals("POST", get(server, "/predict").headers().firstValue("Allow").orElse(""));
        assertError(CLIENT.send(HttpRequest.newBuilder(server.uri().resolve("/health"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()), 405, "POST");
        assertError(get(server, "/nothing/here"), 404, "/nothing/here");
    }

    @Test
    void oversizeUploadsAre413() throws Exception {
        try (SerServer small = SerServer.start(ServerConfig.builder().port(0).maxUploadBytes(1000).build(),
                recognizer)) {
            assertError(post(small, "audio/wav", shortWav()), 413, "1000 bytes");
            byte[] wav = shortWav();
            assertError(post(small, "multipart/form-data; boundary=q", multipart("q", "file", "x.wav", wav)),
                    413, "limit");
            // Without Content-Length (chunked), the limit is enforced while reading.
            HttpRequest chunked = HttpRequest.newBuilder(small.uri().resolve("/predict"))
                    .header("Content-Type", "audio/wav")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(wav)))
                    .build();
            assertError(CLIENT.send(chunked, HttpResponse.BodyHandlers.ofString()), 413, "limit");
            assertEquals(200, get(small, "/health").statusCode());
        }
    }

    @Test
    void descriptionsParseWithTheExpectedFields() throws Exception {
        JsonNode health = json(get(server, "/health"));
        assertEquals("ok", health.get("status").asText());
        assertTrue(health.get("uptime_seconds").asDouble() >= 0);
        assertEquals(4, health.get("max_concurrent").asInt());

        JsonNode model = json(get(server, "/model"));
        List<String> labels = new ArrayList<>();
        model.get("labels").forEach(l -> labels.add(l.asText()));
        assertEquals(recognizer.labels(), labels);
        assertEquals(recognizer.model().provenance().trainer(), model.get("model_type").asText());
        assertEquals(recognizer.model().featureNames().size(), model.get("feature_count").asInt());
        assertTrue(model.get("feature_config").size() > 0);
        assertEquals(recognizer.model().provenance().metrics().size(),
                model.get("provenance").get("metrics").size());

        JsonNode api = json(get(server, "/openapi.json"));
        assertTrue(api.get("openapi").asText().startsWith("3."));
        for (String path : List.of("/predict", "/health", "/model", "/openapi.json")) {
            assertTrue(api.get("paths").has(path), path);
        }
        assertTrue(api.at("/paths/~1predict/post/requestBody/content").has("multipart/form-data"));
    }

    @Test
    void pagesAreHtml() throws Exception {
        for (String path : List.of("/", "/docs")) {
            HttpResponse<String> r = get(server, path);
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(r.body().startsWith("<!DOCTYPE html>"));
            assertTrue(!r.body().contains("http://") && !r.body().contains("https://"),
                    path + " must fetch nothing from the internet");
        }
        assertTrue(get(server, "/").body().contains("getUserMedia"));
        assertTrue(get(server, "/docs").body().contains("/openapi.json"));
    }

    @Test
    void concurrentRequestsAllSucceedWithIdenticalResults() throws Exception {
        byte[] wav = wav();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    List<String> bodies = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        HttpResponse<String> r;
                        // Only 4 slots for 8 clients: a refused request is retried, as Retry-After says.
                        while ((r = post(server, "audio/wav", wav)).statusCode() == 503) {
                            Thread.sleep(20);
                        }
                        assertEquals(200, r.statusCode(), r.body());
                        bodies.add(r.body());
                    }
                    return bodies;
                }));
            }
            Set<String> distinct = new HashSet<>();
            int n = 0;
            for (Future<List<String>> f : futures) {
                for (String body : f.get(100, TimeUnit.SECONDS)) {
                    distinct.add(body);
                    n++;
                }
            }
            assertEquals(32, n);
            assertEquals(1, distinct.size(), "identical input, identical output: " + distinct);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void saturatedServerAnswers503WithRetryAfter() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Runnable hold = () -> {
            entered.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (SerServer one = SerServer.start(ServerConfig.builder().port(0).maxConcurrent(1).build(), recognizer,
                hold)) {
            byte[] wav = wav();
            var slow = CLIENT.sendAsync(HttpRequest.newBuilder(one.uri().resolve("/predict"))
                    .header("Content-Type", "audio/wav").POST(HttpRequest.BodyPublishers.ofByteArray(wav)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(entered.await(60, TimeUnit.SECONDS));
            HttpResponse<String> refused = post(one, "audio/wav", shortWav());
            assertError(refused, 503, "busy");
            assertEquals(String.valueOf(SerServer.RETRY_AFTER_SECONDS), refused.headers().firstValue("Retry-After")
                    .orElse(""));
            assertEquals(1, json(get(one, "/health")).get("busy_slots").asInt(), "health answers while saturated");
            release.countDown();
            assertEquals(200, slow.get(60, TimeUnit.SECONDS).statusCode());
            assertEquals(200, post(one, "audio/wav", wav).statusCode());
        }
    }

    @Test
    void closeLetsInFlightRequestsFinishAndThenRefuses() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SerServer s = SerServer.start(ServerConfig.builder().port(0).maxConcurrent(2)
                .shutdownGrace(Duration.ofSeconds(60)).build(), recognizer, () -> {
                    entered.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        URI predict = s.uri().resolve("/predict");
        var inFlight = CLIENT.sendAsync(HttpRequest.newBuilder(predict).header("Content-Type", "audio/wav")
                .POST(HttpRequest.BodyPublishers.ofByteArray(wav())).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(entered.await(60, TimeUnit.SECONDS));
        Thread closer = new Thread(s::close);
        closer.start();
        // close() waits for the request holding the slot; release it and the answer is complete.
        release.countDown();
        HttpResponse<String> r = inFlight.get(60, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode(), r.body());
        closer.join(60_000);
        assertTrue(!closer.isAlive());
        assertTrue(!get0(s), "the listener is closed after close()");
    }

    private static boolean get0(SerServer s) {
        try {
            get(s, "/health");
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
