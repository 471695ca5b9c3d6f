package io.github.attractor.data.io;

import java.nio.file.Path;

/**
 * Where the reference data lives: the system property {@code attractor.data}, else the environment
 * variable {@code ATTRACTOR_DATA}, else {@code ../shared/data} (the project's read-only data folder beside
 * the checkout). Readers take explicit paths; this is only the default that commands and reproductions
 * start from, so a user's own copy works by setting one variable.
 */
public final class DataRoot {
    /** The system property naming the data root. */
    public static final String PROPERTY = "attractor.data";
    /** The environment variable naming the data root. */
    public static final String ENV = "ATTRACTOR_DATA";
    /** The default data root, relative to the working directory. */
    public static final String DEFAULT = "../shared/data";

    private DataRoot() {
    }

    /** The data root (not checked for existence). */
    public static Path path() {
        String root = System.getProperty(PROPERTY, System.getenv(ENV));
        return Path.of(root == null || root.isBlank() ? DEFAULT : root);
    }

    /** {@code path().resolve(relative)}, e.g. {@code resolve("lasa")}. */
    public static Path resolve(String relative) {
        return path().resolve(relative);
    }
}
