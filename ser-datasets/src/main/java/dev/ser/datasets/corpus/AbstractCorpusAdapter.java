package dev.ser.datasets.corpus;

import dev.ser.datasets.AudioFiles;
import dev.ser.datasets.CorpusFormatException;
import dev.ser.datasets.ScanResult;
import dev.ser.datasets.SkippedFile;
import dev.ser.datasets.Utterance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * Walks the tree, keeps audio files, checks they can be read, and hands each to a per-scan {@link FileParser}.
 * Subclasses only describe how a name is parsed.
 */
public abstract class AbstractCorpusAdapter implements CorpusAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(AbstractCorpusAdapter.class);

    /** Parses one audio file of a scan into an utterance, or says why it cannot. */
    @FunctionalInterface
    protected interface FileParser {
        Utterance parse(Path file) throws UnparseableException;
    }

    /**
     * Creates the parser for one scan of {@code root}. Adapters that need per-scan state (CREMA-D's
     * demographics table) build it here; others just return a lambda.
     *
     * @param skipped where to report non-audio problems found while preparing (e.g. a malformed side file)
     */
    protected abstract FileParser newParser(Path root, List<SkippedFile> skipped) throws IOException;

    @Override
    public ScanResult scan(Path root, boolean strict) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null, "corpus root is not a directory");
        }
        List<SkippedFile> skipped = new ArrayList<>();
        FileParser parser = newParser(root, skipped);
        if (strict && !skipped.isEmpty()) {
            throw new CorpusFormatException(skipped.get(0).path(), skipped.get(0).reason());
        }
        List<Utterance> found = new ArrayList<>();
        for (Path file : audioFiles(root, skipped, strict)) {
            String problem = readabilityProblem(file);
            Utterance u = null;
            if (problem == null) {
                try {
                    u = parser.parse(file);
                } catch (UnparseableException e) {
                    problem = e.getMessage();
                }
            }
            if (problem != null) {
                if (strict) {
                    throw new CorpusFormatException(file, problem);
                }
                LOG.warn("{}: skipping {}: {}", name(), file, problem);
                skipped.add(new SkippedFile(file, problem));
            } else {
                found.add(u);
            }
        }
        LOG.info("{}: {} utterances, {} skipped under {}", name(), found.size(), skipped.size(), root);
        return new ScanResult(name(), root, found, skipped);
    }

    /** All audio files under root, sorted by relative path so scans are reproducible across file systems. */
    private static List<Path> audioFiles(Path root, List<SkippedFile> skipped, boolean strict) throws IOException {
        List<Path> files = new ArrayList<>();
        // Follow links: corpora are often symlinked into place. Loops and broken links are reported.
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!AudioFiles.isAudio(file)) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isRegularFile()) {
                    files.add(file);
                } else {
                    String why = attrs.isSymbolicLink() ? "broken symbolic link" : "not a regular file";
                    if (strict) {
                        throw new CorpusFormatException(file, why);
                    }
                    skipped.add(new SkippedFile(file, why));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (strict) {
                    throw new CorpusFormatException(file, "cannot be read: " + exc);
                }
                skipped.add(new SkippedFile(file, "cannot be read: " + exc));
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(p -> root.relativize(p).toString()));
        return files;
    }

    private static String readabilityProblem(Path file) {
        if (!Files.isReadable(file)) {
            return "file is not readable";
        }
        try {
            return Files.size(file) == 0 ? "file is empty" : null;
        } catch (IOException e) {
            return "cannot be read: " + e;
        }
    }

    /** The path components of {@code file}'s directory relative to {@code root} (empty for files at the root). */
    protected static List<String> folders(Path root, Path file) {
        List<String> out = new ArrayList<>();
        Path rel = root.relativize(file).getParent();
        if (rel != null) {
            rel.forEach(p -> out.add(p.toString()));
        }
        return out;
    }

    @Override
    public String toString() {
        return name() + " adapter";
    }
}
