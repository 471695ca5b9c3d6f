package io.github.attractor.data.io;

import static io.github.attractor.data.TestFiles.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void writesAndReplaces() throws IOException {
        Path p = dir.resolve("a.txt");
        AtomicFiles.writeString(p, "first");
        assertEquals("first", Files.readString(p));
        AtomicFiles.write(p, out -> out.write("second ünïcode".getBytes(StandardCharsets.UTF_8)), false);
        assertEquals("second ünïcode", Files.readString(p));
        assertEquals(List.of(p), listing(), "no temporary file left");
    }

    @Test
    void createsParentDirectories() throws IOException {
        Path p = dir.resolve("x/y/z.txt");
        AtomicFiles.writeString(p, "deep");
        assertEquals("deep", Files.readString(p));
    }

    @Test
    void ioFailureLeavesNothingBehind() throws IOException {
        Path p = dir.resolve("b.bin");
        InvalidInputException e = assertFails(InvalidInputException.class, p, () -> AtomicFiles.write(p, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        }));
        assertTrue(e.getMessage().contains("disk full"), e.getMessage());
        assertFalse(Files.exists(p));
        assertEquals(List.of(), listing(), "temporary file removed");
    }

    @Test
    void runtimeFailurePassesThroughAndLeavesTargetUntouched() throws IOException {
        Path p = dir.resolve("c.txt");
        Files.writeString(p, "original");
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> AtomicFiles.write(p, out -> {
            out.write("partial".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals("original", Files.readString(p));
        assertEquals(List.of(p), listing());
    }

    @Test
    void bodyMayCloseTheStream() throws IOException {
        Path p = dir.resolve("d.txt");
        AtomicFiles.write(p, out -> {
            out.write('k');
            out.close();
        });
        assertEquals("k", Files.readString(p));
    }

    @Test
    void targetThatIsADirectory() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertFails(InvalidInputException.class, sub, () -> AtomicFiles.writeString(sub, "x"));
        assertTrue(Files.isDirectory(sub));
    }

    @Test
    void parentThatIsAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        Path p = file.resolve("child.txt");
        assertFails(InvalidInputException.class, p, () -> AtomicFiles.writeString(p, "y"));
        assertEquals("x", Files.readString(file));
    }
}
