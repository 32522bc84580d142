package dev.ser.examples.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ser.core.audio.AudioFormatException;
import dev.ser.core.audio.AudioLoader;
import dev.ser.core.audio.AudioSignal;
import dev.ser.models.Provenance;
import dev.ser.models.recognize.EmotionRecognizer;
import dev.ser.models.recognize.Prediction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code ser serve} REST service: emotion recognition of uploaded audio, a recording web page,
 * an OpenAPI document and its interactive docs page.
 *
 * <p>Built on the JDK's {@code com.sun.net.httpserver}: no dependency, enough for a service whose cost is
 * the feature extraction, and its executor is ours (a fixed pool of platform threads), so concurrency
 * is bounded twice: by the pool and by a semaphore of prediction slots that refuses work with 503
 * instead of queueing uploads in memory.
 *
 * <pre>{@code
 * try (SerServer server = SerServer.start(ServerConfig.builder().port(0).build(), DefaultModel.recognizer())) {
 *     URI predict = server.uri().resolve("/predict");
 *     ...
 * }
 * }</pre>
 */
public final class SerServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SerServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESOURCES = "/dev/ser/examples/serve/";
    private static final Set<String> RAW_AUDIO_TYPES = Set.of("audio/wav", "audio/x-wav", "audio/wave",
            "audio/vnd.wave", "audio/flac", "audio/x-flac", "audio/aiff", "audio/x-aiff",
            "application/octet-stream");
    /** Seconds a client is told to wait after a 503. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final ServerConfig config;
    private final EmotionRecognizer recognizer;
    private final HttpServer http;
    private final ExecutorService executor;
    private final Semaphore slots;
    private final Runnable beforePredict;
    private final Instant started = Instant.now();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object idle = new Object();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final byte[] openApi;
    private final byte[] modelJson;
    private final byte[] docsPage = resource("docs.html");
    private final byte[] indexPage = resource("index.html");
    private Thread shutdownHook;

    private SerServer(ServerConfig config, EmotionRecognizer recognizer, Runnable beforePredict) throws IOException {
        this.config = config;
        this.recognizer = recognizer;
        this.beforePredict = beforePredict;
        this.slots = new Semaphore(config.maxConcurrent());
        this.openApi = resource("openapi.json");
        this.modelJson = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(describeModel(recognizer));
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(config.threads(), config.threads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "ser-serve-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 64);
        http.createContext("/", this::handle);
        http.setExecutor(executor);
    }

    /**
     * Binds and starts a server.
     *
     * @throws IOException if the address cannot be bound
     */
    public static SerServer start(ServerConfig config, EmotionRecognizer recognizer) throws IOException {
        return start(config, recognizer, () -> { });
    }

    /** As {@link #start(ServerConfig, EmotionRecognizer)}, running {@code beforePredict} in each prediction slot (tests). */
    static SerServer start(ServerConfig config, EmotionRecognizer recognizer, Runnable beforePredict)
            throws IOException {
        SerServer server = new SerServer(Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(recognizer, "recognizer"), beforePredict);
        server.http.start();
        LOG.info("ser serve listening on {} (max upload {} bytes, {} concurrent predictions)", server.uri(),
                config.maxUploadBytes(), config.maxConcurrent());
        return server;
    }

    /** The bound port (the chosen one when the configuration asked for port 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The base address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** The configuration. */
    public ServerConfig config() {
        return config;
    }

    /** Stops the server on JVM shutdown (SIGINT, SIGTERM) with the configured grace period. */
    public synchronized void closeOnShutdown() {
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::close, "ser-serve-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /**
     * Graceful stop: new requests are refused with 503, in-flight ones get up to the configured grace
     * period to finish, then the listener and the threads are stopped. Idempotent.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
        synchronized (idle) {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("{} requests still running after the {} grace period", inFlight.get(),
                            config.shutdownGrace());
                    break;
                }
                try {
                    idle.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        http.stop(0);
        executor.shutdownNow();
        LOG.info("ser serve on port {} stopped", port());
    }

    // ---------------------------------------------------------------- dispatch

    private void handle(HttpExchange ex) {
        inFlight.incrementAndGet();
        try {
            if (closing.get()) {
                ex.getResponseHeaders().set("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
                throw new HttpError(503, "the server is shutting down");
            }
            route(ex);
        } catch (HttpError e) {
            sendError(ex, e.status(), e.getMessage());
        } catch (IOException e) {
            LOG.debug("connection problem on {}: {}", ex.getRequestURI(), e.toString());
        } catch (RuntimeException e) {
            LOG.error("internal error on {} {}", ex.getRequestMethod(), ex.getRequestURI(), e);
            sendError(ex, 500, "internal error: " + e);
        } finally {
            ex.close();
            if (inFlight.decrementAndGet() == 0) {
                synchronized (idle) {
                    idle.notifyAll();
                }
            }
        }
    }

    private void route(HttpExchange ex) throws IOException, HttpError {
        String path = ex.getRequestURI().getPath();
        switch (path) {
            case "/predict" -> {
                allow(ex, "POST");
                predict(ex);
            }
            case "/health" -> {
                allow(ex, "GET", "HEAD");
                sendJson(ex, 200, health());
            }
            case "/model" -> {
                allow(ex, "GET", "HEAD");
                send(ex, 200, "application/json", modelJson);
            }
            case "/openapi.json" -> {
                allow(ex, "GET", "HEAD");
                send(ex, 200, "application/json", openApi);
            }
            case "/docs" -> {
                allow(ex, "GET", "HEAD");
                send(ex, 200, "text/html; charset=utf-8", docsPage);
            }
            case "/", "/index.html" -> {
                allow(ex, "GET", "HEAD");
                send(ex, 200, "text/html; charset=utf-8", indexPage);
            }
            default -> throw new HttpError(404, "no such path: " + path);
        }
    }

    private static void allow(HttpExchange ex, String... methods) throws HttpError {
        String method = ex.getRequestMethod();
        for (String m : methods) {
            if (m.equals(method)) {
                return;
            }
        }
        ex.getResponseHeaders().set("Allow", String.join(", ", methods));
        throw new HttpError(405, "method " + method + " not allowed on " + ex.getRequestURI().getPath()
                + "; use " + String.join(" or ", methods));
    }

    // ---------------------------------------------------------------- /predict

    private void predict(HttpExchange ex) throws IOException, HttpError {
        String contentType = mediaType(ex.getRequestHeaders());
        boolean multipart = contentType.equals("multipart/form-data");
        if (!multipart && !RAW_AUDIO_TYPES.contains(contentType)) {
            throw new HttpError(415, "unsupported content type '" + contentType
                    + "'; send multipart/form-data with a 'file' field, or the audio itself as audio/wav, "
                    + "audio/flac, audio/aiff or application/octet-stream");
        }
        // Take a slot before reading the body: memory stays bounded by maxConcurrent x maxUploadBytes.
        if (!slots.tryAcquire()) {
            ex.getResponseHeaders().set("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            throw new HttpError(503, "all " + config.maxConcurrent() + " prediction slots are busy; retry later");
        }
        ObjectNode result;
        try {
            beforePredict.run();
            result = decodeAndRecognize(ex, multipart);
        } finally {
            // Free the slot before answering: a slow reader holds a thread, not a prediction slot, and a
            // client that has its answer finds the slot free for its next request.
            slots.release();
        }
        sendJson(ex, 200, result);
    }

    private ObjectNode decodeAndRecognize(HttpExchange ex, boolean multipart) throws IOException, HttpError {
        byte[] bytes = readBody(ex).toByteArray();
        String name = "upload";
        if (multipart) {
            String boundary = Multipart.boundary(ex.getRequestHeaders().getFirst("Content-Type"));
            Multipart.Part part = Multipart.find(bytes, bytes.length, boundary, "file");
            if (part.fileName() != null && !part.fileName().isBlank()) {
                name = part.fileName();
            }
            bytes = part.bytes();
        }
        if (bytes.length == 0) {
            throw new HttpError(400, "the uploaded file is empty");
        }
        return recognize(bytes, name);
    }

    private ObjectNode recognize(byte[] audio, String name) throws HttpError, IOException {
        AudioSignal signal;
        Prediction p;
        try {
            signal = new AudioLoader(AudioLoader.Options.defaults()).load(audio, name);
            p = recognizer.recognize(signal);
        } catch (AudioFormatException | IllegalArgumentException e) {
            throw new HttpError(422, e.getMessage());
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("label", p.label());
        out.put("confidence", p.confidence());
        ObjectNode probs = out.putObject("probabilities");
        for (String label : p.ranking()) {
            probs.put(label, p.probabilities().get(label));
        }
        out.put("duration_seconds", signal.durationSeconds());
        out.put("sample_rate", signal.sampleRate());
        return out;
    }

    /** Reads the body, refusing more than the limit; a declared length is checked, never trusted for allocation. */
    private ByteArrayOutputStream readBody(HttpExchange ex) throws IOException, HttpError {
        long limit = config.maxUploadBytes();
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            long n;
            try {
                n = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw new HttpError(400, "malformed Content-Length: " + declared);
            }
            if (n > limit) {
                throw tooLarge();
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buf = new byte[8192];
        try (InputStream in = ex.getRequestBody()) {
            int r;
            while ((r = in.read(buf)) >= 0) {
                if (out.size() + (long) r > limit) {
                    throw tooLarge();
                }
                out.write(buf, 0, r);
            }
        }
        return out;
    }

    private HttpError tooLarge() {
        return new HttpError(413, "upload larger than the limit of " + config.maxUploadBytes() + " bytes");
    }

    private static String mediaType(Headers headers) {
        String ct = headers.getFirst("Content-Type");
        if (ct == null) {
            return "";
        }
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- descriptions

    private ObjectNode health() {
        ObjectNode out = JSON.createObjectNode();
        out.put("status", closing.get() ? "stopping" : "ok");
        out.put("uptime_seconds", Duration.between(started, Instant.now()).toMillis() / 1000.0);
        out.put("busy_slots", config.maxConcurrent() - slots.availablePermits());
        out.put("max_concurrent", config.maxConcurrent());
        Runtime rt = Runtime.getRuntime();
        out.put("heap_used_bytes", rt.totalMemory() - rt.freeMemory());
        return out;
    }

    static ObjectNode describeModel(EmotionRecognizer recognizer) {
        ObjectNode out = JSON.createObjectNode();
        out.putPOJO("labels", recognizer.labels());
        Provenance prov = recognizer.model().provenance();
        out.put("model_type", prov != null ? prov.trainer() : recognizer.model().model().getClass().getSimpleName());
        out.put("feature_count", recognizer.model().featureNames().size());
        ObjectNode features = out.putObject("feature_config");
        EmotionRecognizer.featureConfigJson(recognizer.extractor().config()).fields()
                .forEachRemaining(e -> features.set(e.getKey(), e.getValue()));
        if (prov != null) {
            ObjectNode p = out.putObject("provenance");
            p.put("created_at", prov.createdAt().toString());
            p.put("library_version", prov.libraryVersion());
            p.put("training_rows", prov.trainingRows());
            p.set("hyper_parameters", prov.hyperParameters());
            ObjectNode metrics = p.putObject("metrics");
            for (Map.Entry<String, Double> e : prov.metrics().entrySet()) {
                metrics.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- responses

    private static void sendJson(HttpExchange ex, int status, ObjectNode body) throws IOException {
        send(ex, status, "application/json", JSON.writeValueAsBytes(body));
    }

    private static void sendError(HttpExchange ex, int status, String message) {
        ObjectNode body = JSON.createObjectNode().put("error", message == null ? "" : message);
        try {
            sendJson(ex, status, body);
        } catch (IOException e) {
            LOG.debug("could not send the {} response: {}", status, e.toString());
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = SerServer.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCES + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "SerServer[" + uri() + "]";
    }
}
