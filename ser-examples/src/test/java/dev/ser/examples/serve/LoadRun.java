package dev.ser.examples.serve;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load client for {@code POST /predict} (not a test; run by hand):
 * {@code java -cp ... dev.ser.examples.serve.LoadRun URL FILE THREADS SECONDS}. Each thread sends the
 * file as raw audio, waits for the answer and sends again (10 ms after a 503); prints throughput and latency percentiles.
 */
public final class LoadRun {
    private LoadRun() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        byte[] audio = Files.readAllBytes(Path.of(args[1]));
        int threads = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(url).header("Content-Type", "application/octet-stream")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(audio)).build();
        long[][] latencies = new long[threads][1 << 20];
        int[] counts = new int[threads];
        AtomicLong refused = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            latencies[id][counts[id]++] = System.nanoTime() - start;
                        } else if (r.statusCode() == 503) {
                            refused.incrementAndGet();
                            Thread.sleep(10); // back off a little instead of spinning on refusals
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            workers[t].start();
        }
        long began = System.nanoTime();
        for (Thread w : workers) {
            w.join();
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        int n = Arrays.stream(counts).sum();
        long[] all = new long[n];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        System.out.printf(Locale.ROOT, "threads=%d seconds=%.1f ok=%d refused503=%d failed=%d rps=%.2f%n",
                threads, elapsed, n, refused.get(), failed.get(), n / elapsed);
        System.out.printf(Locale.ROOT, "latency ms: p50=%.1f p90=%.1f p99=%.1f max=%.1f mean=%.1f%n",
                pct(all, 0.50), pct(all, 0.90), pct(all, 0.99), all[n - 1] / 1e6,
                Arrays.stream(all).average().orElse(0) / 1e6);
    }

    private static double pct(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
