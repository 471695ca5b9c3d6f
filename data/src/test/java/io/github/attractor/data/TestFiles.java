package io.github.attractor.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.AttractorException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.junit.jupiter.api.function.Executable;

/** Shared helpers: fixture paths and error-message assertions. */
public final class TestFiles {
    private TestFiles() {
    }

    /** Path of a fixture under {@code src/test/resources/fixtures}. */
    public static Path fixture(String name) {
        URL url = TestFiles.class.getResource("/fixtures/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Asserts that {@code body} throws exactly {@code type} with a one-line message that starts with
     * {@code file} followed by a colon or a bracket.
     */
    public static <T extends AttractorException> T assertFails(Class<T> type, Path file, Executable body) {
        return assertFails(type, file.toString(), body);
    }

    /** As {@link #assertFails(Class, Path, Executable)} with the name as a string. */
    public static <T extends AttractorException> T assertFails(Class<T> type, String name, Executable body) {
        T e = assertThrows(type, body);
        assertEquals(type, e.getClass(), () -> "exception type, message: " + e.getMessage());
        String m = e.getMessage();
        assertTrue(m.startsWith(name + ":") || m.startsWith(name + "["),
                () -> "message should start with '" + name + "': " + m);
        assertFalse(m.contains("\n"), () -> "message should be one line: " + m);
        return e;
    }
}
