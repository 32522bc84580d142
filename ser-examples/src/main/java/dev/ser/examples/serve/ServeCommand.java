package dev.ser.examples.serve;

import dev.ser.examples.DefaultModel;
import dev.ser.models.recognize.EmotionRecognizer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ser serve}: the REST service and web page until interrupted (Ctrl-C stops it gracefully). */
@Command(name = "serve",
        description = {
            "Serve emotion recognition over HTTP: POST /predict, GET /health, /model, /openapi.json,",
            "/docs (interactive API docs) and / (a page that records from the microphone)."},
        mixinStandardHelpOptions = true,
        sortOptions = false)
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "TCP port (0: any free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to bind (0.0.0.0 for every interface). Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "A model file written by 'ser train'. Default: the bundled model.")
    Path model;

    @Option(names = "--max-upload-mb", defaultValue = "20", paramLabel = "N",
            description = "Largest accepted upload in MiB (413 above). Default: ${DEFAULT-VALUE}.")
    int maxUploadMb;

    @Option(names = "--max-concurrent", paramLabel = "N",
            description = "Predictions running at once (503 above). Default: the number of processors.")
    Integer maxConcurrent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (maxUploadMb < 1 || maxUploadMb > 2000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-upload-mb must be in 1..2000");
        }
        if (maxConcurrent != null && maxConcurrent < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-concurrent must be at least 1");
        }
        EmotionRecognizer recognizer = DefaultModel.orFile(model);
        ServerConfig.Builder config = ServerConfig.builder().host(host).port(port)
                .maxUploadBytes((long) maxUploadMb << 20);
        if (maxConcurrent != null) {
            config.maxConcurrent(maxConcurrent);
        }
        SerServer server = SerServer.start(config.build(), recognizer);
        server.closeOnShutdown();
        spec.commandLine().getOut().println("ser serve: listening on " + server.uri()
                + " (API docs at " + server.uri().resolve("/docs") + "); Ctrl-C stops");
        spec.commandLine().getOut().flush();
        new CountDownLatch(1).await();
        return 0;
    }
}
