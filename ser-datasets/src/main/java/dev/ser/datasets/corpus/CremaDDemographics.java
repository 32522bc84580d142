package dev.ser.datasets.corpus;

import dev.ser.datasets.Sex;
import dev.ser.datasets.SkippedFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The {@code VideoDemographics.csv} tables found under a CREMA-D root, by the folder they lie in. */
final class CremaDDemographics {
    static final String FILE_NAME = "VideoDemographics.csv";
    private final Map<Path, Map<String, Sex>> byFolder;

    private CremaDDemographics(Map<Path, Map<String, Sex>> byFolder) {
        this.byFolder = byFolder;
    }

    /** Finds and parses every demographics file under root; malformed ones are reported and ignored. */
    static CremaDDemographics findUnder(Path root, List<SkippedFile> skipped) throws IOException {
        Map<Path, Map<String, Sex>> tables = new HashMap<>();
        List<Path> candidates;
        try (Stream<Path> s = Files.walk(root)) {
            candidates = s.filter(p -> p.getFileName() != null
                            && p.getFileName().toString().equalsIgnoreCase(FILE_NAME) && Files.isRegularFile(p))
                    .sorted().toList();
        }
        for (Path csv : candidates) {
            try {
                tables.put(csv.getParent(), parse(csv));
            } catch (IOException | IllegalArgumentException e) {
                skipped.add(new SkippedFile(csv, "malformed demographics file, sex left unknown: "
                        + e.getMessage()));
            }
        }
        return new CremaDDemographics(tables);
    }

    /** Actor id to sex from the nearest table at or above the file's folder (empty map if none). */
    Map<String, Sex> sexOf(Path root, Path file) {
        for (Path dir = file.getParent(); dir != null; dir = dir.getParent()) {
            Map<String, Sex> t = byFolder.get(dir);
            if (t != null) {
                return t;
            }
            if (dir.equals(root)) {
                break;
            }
        }
        return Map.of();
    }

    /** Reads {@code ActorID,Age,Sex,Race,Ethnicity} (columns located by header name, quotes tolerated). */
    static Map<String, Sex> parse(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("empty file");
        }
        List<String> header = cells(lines.get(0).replace("\uFEFF", ""));
        int idCol = header.indexOf("actorid");
        int sexCol = header.indexOf("sex");
        if (idCol < 0 || sexCol < 0) {
            throw new IllegalArgumentException("header lacks ActorID and Sex columns: " + lines.get(0));
        }
        Map<String, Sex> out = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> row = cells(lines.get(i));
            if (row.size() <= Math.max(idCol, sexCol)) {
                throw new IllegalArgumentException("line " + (i + 1) + " has too few columns");
            }
            out.put(row.get(idCol), switch (row.get(sexCol)) {
                case "male" -> Sex.MALE;
                case "female" -> Sex.FEMALE;
                default -> throw new IllegalArgumentException("line " + (i + 1) + ": unknown sex '" + row.get(sexCol) + "'");
            });
        }
        return out;
    }

    /** Splits a simple CSV line (no embedded commas in this file) and normalises cells to trimmed lower case. */
    private static List<String> cells(String line) {
        return Stream.of(line.split(",", -1))
                .map(c -> c.trim().replace("\"", "").toLowerCase(Locale.ROOT))
                .toList();
    }
}
