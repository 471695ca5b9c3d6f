package io.github.attractor.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's reference data for tests: the system property {@code attractor.data}, else
 * {@code $ATTRACTOR_DATA}, else the {@code attractor.shared.data} property that the build sets to
 * {@code <checkout>/../shared/data}, else {@code ../shared/data}. Tests that need it skip (a JUnit
 * assumption with a message) when it is absent; they never download.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The data root, not checked. */
    public static Path root() {
        String root = System.getProperty("attractor.data", System.getenv("ATTRACTOR_DATA"));
        if (root == null || root.isBlank()) {
            root = System.getProperty("attractor.shared.data", "../shared/data");
        }
        return Path.of(root);
    }

    /** {@code root().resolve(relative)}, skipping the calling test when it does not exist. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        assumeTrue(Files.exists(p), () -> "reference data not found at " + p.toAbsolutePath().normalize()
                + " (set -Dattractor.data or ATTRACTOR_DATA to the folder holding " + relative + "); test skipped");
        return p;
    }
}
