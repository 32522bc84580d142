package dev.ser.datasets.extract;

import dev.ser.datasets.ContentHash;
import dev.ser.datasets.SkippedFile;
import dev.ser.datasets.Utterance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Computes a {@link FeatureFunction} over a whole corpus: in parallel over files, with an optional persistent
 * {@link FeatureCache}, progress reporting and cooperative cancellation. The output order is the input order
 * whatever the thread count, so results are identical to a sequential run.
 *
 * <p>A file fails when the function throws (any exception), returns an empty vector or one whose length
 * differs from the first successful row's (in input order), or changes while being processed. Failures are
 * collected with the reason and the file left out, or, in strict mode, abort the run.
 */
public final class CorpusExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(CorpusExtractor.class);
    private static final AtomicInteger POOL_IDS = new AtomicInteger();
    private final FeatureFunction function;
    private final ExtractionOptions options;

    public CorpusExtractor(FeatureFunction function, ExtractionOptions options) {
        this.function = Objects.requireNonNull(function, "function");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Extracts every utterance; see {@link #extract(List, CancellationToken)}. */
    public ExtractionResult extract(List<Utterance> utterances) throws FeatureExtractionException {
        return extract(utterances, new CancellationToken());
    }

    /**
     * Extracts every utterance, blocking until done or cancelled. If the calling thread is interrupted the run
     * is cancelled (and the interrupt flag restored).
     *
     * @throws FeatureExtractionException in strict mode, for the first failing file in input order
     */
    public ExtractionResult extract(List<Utterance> utterances, CancellationToken token)
            throws FeatureExtractionException {
        Run run = new Run(List.copyOf(utterances), token);
        run.execute();
        return run.finish();
    }

    /** State of one extraction run. */
    private final class Run {
        private final List<Utterance> input;
        private final CancellationToken token;
        private final double[][] results;
        private final String[] failures;
        private final Throwable[] causes;
        private final boolean[] fromCache;
        private final Object progressLock = new Object();
        private int done;
        private volatile boolean strictAbort;

        Run(List<Utterance> input, CancellationToken token) {
            this.input = input;
            this.token = token;
            int n = input.size();
            results = new double[n][];
            failures = new String[n];
            causes = new Throwable[n];
            fromCache = new boolean[n];
        }

        void execute() {
            int threads = Math.min(options.threads(), Math.max(1, input.size()));
            ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
            try {
                List<Future<?>> futures = new ArrayList<>(input.size());
                for (int i = 0; i < input.size(); i++) {
                    int index = i;
                    futures.add(pool.submit(() -> process(index)));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                token.cancel();
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // process() catches everything it can; anything else is a bug worth surfacing.
                throw new IllegalStateException("feature extraction worker failed", e.getCause());
            } finally {
                pool.shutdown();
                awaitQuietly(pool);
            }
        }

        private void process(int i) {
            if (token.isCancelled() || strictAbort) {
                return;
            }
            Path path = input.get(i).path();
            try {
                results[i] = compute(i, path);
            } catch (Exception e) {
                failures[i] = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                causes[i] = e;
                if (options.strict()) {
                    strictAbort = true;
                }
            }
            reportProgress(path);
        }

        private double[] compute(int i, Path path) throws IOException {
            FeatureCache cache = options.cache();
            String key = function.configurationKey();
            String hash = cache == null ? null : ContentHash.sha256(path);
            if (cache != null) {
                Optional<double[]> hit = cache.get(hash, key);
                if (hit.isPresent() && hit.get().length > 0) {
                    fromCache[i] = true;
                    return hit.get();
                }
            }
            double[] v = function.extract(path);
            if (v == null || v.length == 0) {
                throw new IOException("feature function returned an empty vector");
            }
            v = v.clone(); // the function may reuse its buffer
            if (cache != null) {
                // Hash again so that a file rewritten during extraction is never cached under the old content.
                if (!hash.equals(ContentHash.sha256(path))) {
                    throw new IOException("file changed while its features were computed");
                }
                cache.put(hash, key, v);
            }
            return v;
        }

        private void reportProgress(Path path) {
            synchronized (progressLock) {
                done++;
                try {
                    options.progress().onProgress(done, input.size(), path);
                } catch (RuntimeException e) {
                    LOG.warn("progress listener threw; ignoring", e);
                }
            }
        }

        ExtractionResult finish() throws FeatureExtractionException {
            int dimension = -1;
            for (double[] r : results) {
                if (r != null) {
                    dimension = r.length;
                    break;
                }
            }
            List<Utterance> rows = new ArrayList<>();
            List<SkippedFile> failed = new ArrayList<>();
            double[] values = new double[0];
            int filled = 0;
            int hits = 0;
            int notProcessed = 0;
            for (int i = 0; i < results.length; i++) {
                Path path = input.get(i).path();
                if (results[i] != null && results[i].length != dimension) {
                    failures[i] = "feature vector has length " + results[i].length + ", expected " + dimension;
                    results[i] = null;
                }
                if (failures[i] != null) {
                    if (options.strict()) {
                        throw new FeatureExtractionException(path, failures[i], causes[i]);
                    }
                    LOG.warn("features of {} not computed: {}", path, failures[i]);
                    failed.add(new SkippedFile(path, failures[i]));
                } else if (results[i] == null) {
                    notProcessed++;
                } else {
                    if (values.length < (filled + 1) * dimension) {
                        values = Arrays.copyOf(values, Math.max(values.length * 2, (filled + 1) * dimension));
                    }
                    System.arraycopy(results[i], 0, values, filled * dimension, dimension);
                    filled++;
                    rows.add(input.get(i));
                    hits += fromCache[i] ? 1 : 0;
                }
            }
            List<String> columns = dimension < 0 ? List.of() : function.featureNames(dimension);
            if (columns.size() != Math.max(dimension, 0)) {
                throw new IllegalStateException("featureNames(" + dimension + ") returned " + columns.size() + " names");
            }
            FeatureTable table = new FeatureTable(function.configurationKey(), rows, columns,
                    Arrays.copyOf(values, filled * Math.max(dimension, 0)));
            boolean cancelled = token.isCancelled() && notProcessed > 0;
            return new ExtractionResult(table, failed, cancelled, notProcessed, hits, rows.size() - hits);
        }
    }

    private static ThreadFactory daemonThreads() {
        int pool = POOL_IDS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "ser-extract-" + pool + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.info("waiting for running feature extractions to finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
