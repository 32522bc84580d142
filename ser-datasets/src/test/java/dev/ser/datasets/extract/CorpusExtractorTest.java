package dev.ser.datasets.extract;

import dev.ser.datasets.Fixtures;
import dev.ser.datasets.SkippedFile;
import dev.ser.datasets.Utterance;
import dev.ser.datasets.corpus.CustomAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusExtractorTest {
    private static final int N = 40;
    private static final String[] EMOTIONS = {"happy", "sad", "neutral", "angry"};

    @TempDir
    Path corpus;
    @TempDir
    Path cacheDir;
    List<Utterance> utterances;

    @BeforeEach
    void writeCorpus() throws IOException {
        for (int i = 0; i < N; i++) {
            String folder = i % 4 == 0 ? "test" : "train";
            Fixtures.wav(corpus, folder + "/spk" + (i % 5) + "/rec" + String.format("%02d", i) + "_"
                    + EMOTIONS[i % EMOTIONS.length] + ".wav", i);
        }
        utterances = new CustomAdapter().scan(corpus).utterances();
        assertEquals(N, utterances.size());
    }

    private static ExtractionOptions.Builder opts(int threads) {
        return ExtractionOptions.builder().threads(threads);
    }

    @Test
    void parallelEqualsSequentialAndFollowsInputOrder() throws IOException {
        FeatureTable seq = new CorpusExtractor(new FakeFeatures(1.0), opts(1).build()).extract(utterances).table();
        FeatureTable par = new CorpusExtractor(new FakeFeatures(1.0), opts(6).build()).extract(utterances).table();
        assertEquals(seq, par);
        assertEquals(utterances, par.rows());
        assertEquals(List.of("fake_0", "fake_1", "fake_2", "fake_3"), par.columns());
        assertEquals("fake(dim=4,scale=1.0)", par.configurationKey());
        // reversed input gives reversed rows: order is the caller's, not completion order
        List<Utterance> reversed = new ArrayList<>(utterances);
        Collections.reverse(reversed);
        FeatureTable rev = new CorpusExtractor(new FakeFeatures(1.0), opts(6).build()).extract(reversed).table();
        assertEquals(reversed, rev.rows());
        assertArrayEquals(seq.row(0), rev.row(N - 1));
    }

    @Test
    void defaultThreadCountIsAllCores() {
        assertEquals(Runtime.getRuntime().availableProcessors(), ExtractionOptions.defaults().threads());
        assertThrows(IllegalArgumentException.class, () -> opts(0).build());
    }

    @Test
    void progressCountsEveryFileOnceInIncreasingOrder() throws IOException {
        List<int[]> calls = Collections.synchronizedList(new ArrayList<>());
        Set<Path> reported = Collections.synchronizedSet(new HashSet<>());
        ProgressListener listener = (done, total, current) -> {
            calls.add(new int[] {done, total});
            reported.add(current);
        };
        new CorpusExtractor(new FakeFeatures(1.0), opts(4).progress(listener).build()).extract(utterances);
        assertEquals(N, calls.size());
        for (int i = 0; i < N; i++) {
            assertArrayEquals(new int[] {i + 1, N}, calls.get(i));
        }
        assertEquals(utterances.stream().map(Utterance::path).collect(Collectors.toSet()), reported);
    }

    @Test
    void failuresAreCollectedWithReasonsAndSkipped() throws IOException {
        Path bad = utterances.get(3).path();
        Files.write(bad, "BAD audio".getBytes());
        Path gone = utterances.get(7).path();
        Files.delete(gone);
        ExtractionResult r = new CorpusExtractor(new FakeFeatures(1.0), opts(4).build()).extract(utterances);
        assertEquals(N - 2, r.table().rowCount());
        assertEquals(List.of(bad, gone), r.failures().stream().map(SkippedFile::path).toList());
        assertTrue(r.failures().get(0).reason().contains("unsupported audio format"), r.failures().get(0).reason());
        assertTrue(r.failures().get(1).reason().contains("NoSuchFileException"), r.failures().get(1).reason());
        assertFalse(r.table().rows().contains(utterances.get(3)));
        assertFalse(r.cancelled());
    }

    @Test
    void strictModeThrowsForTheFirstFailingFile() throws IOException {
        Path bad = utterances.get(5).path();
        Files.write(bad, "BAD audio".getBytes());
        FeatureExtractionException e = assertThrows(FeatureExtractionException.class,
                () -> new CorpusExtractor(new FakeFeatures(1.0), opts(3).strict(true).build()).extract(utterances));
        assertEquals(bad, e.path());
        assertTrue(e.getMessage().contains("unsupported audio format"));
    }

    @Test
    void vectorsOfTheWrongLengthAreFailures() throws IOException {
        Path odd = utterances.get(2).path();
        FeatureFunction ragged = new FeatureFunction() {
            final FakeFeatures inner = new FakeFeatures(1.0);

            @Override
            public String configurationKey() {
                return "ragged";
            }

            @Override
            public double[] extract(Path audio) throws IOException {
                double[] v = inner.extract(audio);
                return audio.equals(odd) ? java.util.Arrays.copyOf(v, 3) : v;
            }
        };
        ExtractionResult r = new CorpusExtractor(ragged, opts(2).build()).extract(utterances);
        assertEquals(N - 1, r.table().rowCount());
        assertEquals(odd, r.failures().get(0).path());
        assertTrue(r.failures().get(0).reason().contains("length 3, expected 4"));
        assertEquals(List.of("f0", "f1", "f2", "f3"), r.table().columns());
    }

    @Test
    void cancellationStopsEarly() throws IOException {
        CancellationToken token = new CancellationToken();
        FakeFeatures fn = new FakeFeatures(1.0);
        ProgressListener cancelAtFive = (done, total, current) -> {
            if (done == 5) {
                token.cancel();
            }
        };
        ExtractionResult r = new CorpusExtractor(fn, opts(1).progress(cancelAtFive).build()).extract(utterances, token);
        assertTrue(r.cancelled());
        assertEquals(5, fn.calls.get());
        assertEquals(5, r.table().rowCount());
        assertEquals(N - 5, r.notProcessed());
        assertEquals(utterances.subList(0, 5), r.table().rows());
    }

    @Test
    void cancellationStopsEarlyWithManyThreads() throws IOException {
        CancellationToken token = new CancellationToken();
        FakeFeatures slow = new FakeFeatures(4, 1.0, 20);
        ProgressListener cancelAtFive = (done, total, current) -> {
            if (done == 5) {
                token.cancel();
            }
        };
        ExtractionResult r = new CorpusExtractor(slow, opts(4).progress(cancelAtFive).build()).extract(utterances, token);
        assertTrue(r.cancelled());
        // at most the files already running when the token flipped finish after it
        assertTrue(slow.calls.get() <= 5 + 4, "calls " + slow.calls.get());
        assertEquals(slow.calls.get(), r.table().rowCount());
        assertEquals(N - r.table().rowCount(), r.notProcessed());
    }

    @Test
    void cacheServesRepeatRunsAndInvalidatesOnConfigurationChange() throws IOException {
        FeatureCache cache = new FeatureCache(cacheDir);
        FakeFeatures first = new FakeFeatures(1.0);
        ExtractionResult r1 = new CorpusExtractor(first, opts(4).cache(cache).build()).extract(utterances);
        assertEquals(N, first.calls.get());
        assertEquals(N, r1.computed());

        FakeFeatures again = new FakeFeatures(1.0);
        ExtractionResult r2 = new CorpusExtractor(again, opts(4).cache(cache).build()).extract(utterances);
        assertEquals(0, again.calls.get());
        assertEquals(N, r2.cacheHits());
        assertEquals(r1.table(), r2.table());

        FakeFeatures changed = new FakeFeatures(2.0); // one parameter differs: nothing may be served from cache
        ExtractionResult r3 = new CorpusExtractor(changed, opts(4).cache(cache).build()).extract(utterances);
        assertEquals(N, changed.calls.get());
        assertEquals(0, r3.cacheHits());
        assertNotEquals(r1.table().row(0)[0], r3.table().row(0)[0]);
        assertEquals(new CorpusExtractor(new FakeFeatures(2.0), opts(1).build()).extract(utterances).table(), r3.table());
    }

    @Test
    void cacheFollowsContentNotPath() throws IOException {
        FeatureCache cache = new FeatureCache(cacheDir);
        new CorpusExtractor(new FakeFeatures(1.0), opts(2).cache(cache).build()).extract(utterances);
        Path edited = utterances.get(9).path();
        Files.write(edited, Fixtures.wavBytes(16000, 999));
        FakeFeatures fn = new FakeFeatures(1.0);
        ExtractionResult r = new CorpusExtractor(fn, opts(2).cache(cache).build()).extract(utterances);
        assertEquals(Set.of(edited), fn.seen);
        assertArrayEquals(new FakeFeatures(1.0).extract(edited), r.table().row(9));
    }

    @Test
    void corruptOrForeignEntriesAreRecomputedAndReplaced() throws IOException {
        FeatureCache cache = new FeatureCache(cacheDir);
        FeatureTable reference = new CorpusExtractor(new FakeFeatures(1.0), opts(2).cache(cache).build())
                .extract(utterances).table();
        String key = new FakeFeatures(1.0).configurationKey();
        Path e0 = cache.entryPath(dev.ser.datasets.ContentHash.sha256(utterances.get(0).path()), key);
        Path e1 = cache.entryPath(dev.ser.datasets.ContentHash.sha256(utterances.get(1).path()), key);
        Path e2 = cache.entryPath(dev.ser.datasets.ContentHash.sha256(utterances.get(2).path()), key);
        byte[] bytes = Files.readAllBytes(e0);
        bytes[bytes.length / 2] ^= 0x10;                       // a flipped bit in a value
        Files.write(e0, bytes);
        Files.write(e1, new byte[] {'S', 'E', 'R'});           // truncated
        Files.copy(e0.resolveSibling(e0.getFileName()), e2, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // e2 now holds a (corrupt) entry of other content; also plant a valid entry of other content:
        Path e3 = cache.entryPath(dev.ser.datasets.ContentHash.sha256(utterances.get(3).path()), key);
        Path e4 = cache.entryPath(dev.ser.datasets.ContentHash.sha256(utterances.get(4).path()), key);
        Files.copy(e4, e3, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        FeatureCache reopened = new FeatureCache(cacheDir);
        FakeFeatures fn = new FakeFeatures(1.0);
        ExtractionResult r = new CorpusExtractor(fn, opts(2).cache(reopened).build()).extract(utterances);
        assertEquals(reference, r.table(), "never trusts a bad entry");
        assertEquals(Set.of(utterances.get(0).path(), utterances.get(1).path(), utterances.get(2).path(),
                utterances.get(3).path()), fn.seen);
        assertEquals(4, reopened.rejectedEntries());

        FakeFeatures after = new FakeFeatures(1.0);
        new CorpusExtractor(after, opts(2).cache(reopened).build()).extract(utterances);
        assertEquals(0, after.calls.get(), "entries were replaced by valid ones");
    }

    @Test
    void concurrentRunsOnOneCacheAgreeAndLeaveNoTemporaries() throws Exception {
        FeatureTable expected = new CorpusExtractor(new FakeFeatures(1.0), opts(1).build()).extract(utterances).table();
        List<Thread> threads = new ArrayList<>();
        List<FeatureTable> results = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                try {
                    // a separate FeatureCache instance per run, as separate processes would have
                    FeatureCache c = new FeatureCache(cacheDir);
                    results.add(new CorpusExtractor(new FakeFeatures(1.0), opts(3).cache(c).build())
                            .extract(utterances).table());
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertEquals(List.of(), errors);
        results.forEach(t -> assertEquals(expected, t));
        try (var files = Files.walk(cacheDir)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertTrue(all.stream().allMatch(p -> p.toString().endsWith(".feat")), all.toString());
            assertEquals(N, all.size());
        }
    }

    @Test
    void emptyInputGivesAnEmptyTable() throws IOException {
        ExtractionResult r = new CorpusExtractor(new FakeFeatures(1.0), opts(2).build()).extract(List.of());
        assertEquals(0, r.table().rowCount());
        assertEquals(0, r.table().dimension());
        assertEquals(IntStream.empty().count(), r.failures().size());
    }
}
