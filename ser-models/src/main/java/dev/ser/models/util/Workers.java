package dev.ser.models.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A fixed team of {@code n} workers (the calling thread plus {@code n - 1} daemon threads) that
 * runs task indices {@code 0..n-1} in parallel and waits for all. Which worker runs a task never
 * matters to the result: callers give each task a fixed, disjoint part of the work.
 */
public final class Workers implements AutoCloseable {

    private static final AtomicInteger POOL_IDS = new AtomicInteger();
    private final int size;
    private final ExecutorService pool;

    /** A team of {@code size >= 1} workers; {@code size == 1} runs everything on the caller. */
    public Workers(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("need at least one worker, got " + size);
        }
        this.size = size;
        if (size == 1) {
            this.pool = null;
        } else {
            int id = POOL_IDS.incrementAndGet();
            AtomicInteger threadIds = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(size - 1, r -> {
                Thread t = new Thread(r, "ser-models-" + id + "-" + threadIds.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** Number of workers. */
    public int size() {
        return size;
    }

    /** Runs {@code task.accept(t)} for {@code t = 0..size()-1}, task 0 on the caller, and waits. */
    public void run(IntConsumer task) {
        if (pool == null) {
            task.accept(0);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(size - 1);
        for (int t = 1; t < size; t++) {
            int id = t;
            futures.add(pool.submit(() -> task.accept(id)));
        }
        RuntimeException first = null;
        try {
            task.accept(0);
        } catch (RuntimeException e) {
            first = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for workers", e);
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException re ? re
                            : new IllegalStateException(e.getCause());
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Start of part {@code part} of {@code n} items split into {@code parts} near-equal ranges. */
    public static int splitStart(int n, int parts, int part) {
        return (int) ((long) n * part / parts);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
