package dev.ser.examples.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.examples.DefaultModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages rendered by a real headless browser: the docs page builds its operations from
 * {@code /openapi.json} with JavaScript, the recorder page renders. Skipped, with the reason logged,
 * where {@code /usr/bin/chromium} is absent or cannot start (a CI machine without a browser).
 */
class BrowserPagesTest {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserPagesTest.class);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    static SerServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws IOException {
        if (!Files.isExecutable(CHROMIUM)) {
            LOG.info("browser page tests skipped: {} is absent", CHROMIUM);
        }
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is absent");
        server = SerServer.start(ServerConfig.builder().port(0).build(), DefaultModel.recognizer());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void docsPageRendersEveryOperationFromTheOpenApiDocument() throws Exception {
        String dom = new String(browser("--dump-dom", server.uri().resolve("/docs").toString()),
                StandardCharsets.UTF_8);
        assertTrue(dom.contains("ser serve (API 1)"), "title from the document: " + abbreviate(dom));
        for (String path : List.of("/predict", "/health", "/model", "/openapi.json")) {
            assertTrue(dom.contains("<code>" + path + "</code>"), path + " rendered: " + abbreviate(dom));
        }
        assertTrue(dom.split("Try it out", -1).length - 1 >= 4, "a try-it-out button per operation");
        assertTrue(dom.contains("<option value=\"multipart/form-data\">"), "upload modes listed");
    }

    /** {@code /?selftest}: the page's own WAV encoder, the server's decoder and the bars, together. */
    @Test
    void recorderPageEncodesWavThatTheServerDecodesAndShowsBars() throws Exception {
        String dom = new String(browser("--dump-dom", server.uri().resolve("/?selftest").toString()),
                StandardCharsets.UTF_8);
        assertTrue(dom.contains(" on 1.0 s at 16000 Hz</p>"), "the prediction's status line: " + abbreviate(dom));
        for (String label : DefaultModel.recognizer().labels()) {
            assertTrue(dom.contains("<span class=\"name\">" + label + "</span>"), "a bar for " + label);
        }
        assertTrue(dom.split("class=\"row top\"", -1).length == 2, "exactly one highlighted bar");
    }

    @Test
    void recorderPageRendersAScreenshot() throws Exception {
        Path png = tmp.resolve("index.png");
        browser("--screenshot=" + png, "--window-size=900,600", server.uri().toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image != null && image.getWidth() == 900 && image.getHeight() == 600, "a 900x600 screenshot");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 10, "the page shows text and controls, not a blank: " + colours.size());
        LOG.info("screenshot of {} in {}", server.uri(), png);
    }

    /** Runs headless Chromium and returns its standard output; skips the test if it cannot run. */
    private byte[] browser(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--disable-extensions", "--user-data-dir=" + tmp.resolve("profile"),
                "--virtual-time-budget=5000"));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("stdout");
        Path err = tmp.resolve("stderr");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean done = p.waitFor(90, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String reason = !done ? "did not finish in 90 s" : p.exitValue() != 0 ? "exited with " + p.exitValue() : null;
        if (reason != null) {
            String tail = abbreviate(Files.readString(err, StandardCharsets.UTF_8));
            LOG.warn("skipped: {} {}: {}", CHROMIUM, reason, tail);
            Assumptions.abort(CHROMIUM + " " + reason + " (a browser that cannot run here, not a page fault)");
        }
        return Files.readAllBytes(out);
    }

    private static String abbreviate(String s) {
        return s.length() <= 600 ? s : s.substring(0, 300) + " ... " + s.substring(s.length() - 300);
    }
}
