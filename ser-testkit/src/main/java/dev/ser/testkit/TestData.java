package dev.ser.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the repository's {@code testdata/} folder: the {@code ser.testdata} system property
 * (set by the build), else the nearest ancestor of the working directory that has one.
 */
public final class TestData {
    private TestData() {
    }

    public static Path root() {
        String prop = System.getProperty("ser.testdata");
        if (prop != null && Files.isDirectory(Paths.get(prop))) {
            return Paths.get(prop);
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("testdata");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("testdata/ not found from " + Paths.get("").toAbsolutePath()
                + " and -Dser.testdata is not set");
    }
}
