package io.github.attractor.data.io;

import io.github.attractor.core.error.InvalidInputException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Atomic file writes: the content goes to a temporary file in the target's own directory, which is
 * (optionally) forced to disk and then moved over the target with {@link StandardCopyOption#ATOMIC_MOVE}.
 * A reader therefore sees either the old file or the complete new one, never a half-written file.
 *
 * <p>If the body throws, the temporary file is deleted, the target is left untouched and the exception is
 * rethrown: an {@link java.io.IOException} as an {@link InvalidInputException} whose message starts with the
 * target path, anything else unchanged. Missing parent directories are created. The temporary file is
 * created with the ordinary default permissions (not the owner-only ones of
 * {@link Files#createTempFile}), so the result has the same permissions as a plainly written file.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes {@code target} atomically, forcing the content to disk before the move. */
    public static void write(Path target, IoConsumer<OutputStream> body) {
        write(target, body, true);
    }

    /**
     * Writes {@code target} atomically.
     *
     * @param target the file to create or replace
     * @param body   writes the content; the stream is buffered and must not be closed by the body
     *               (closing it is harmless)
     * @param fsync  whether to force the content to the storage device before the move
     */
    public static void write(Path target, IoConsumer<OutputStream> body, boolean fsync) {
        if (target == null || body == null) {
            throw new NullPointerException(target == null ? "target" : "body");
        }
        String name = target.toString();
        Path fileName = target.getFileName();
        if (fileName == null) {
            throw new InvalidInputException(name + ": not a file path");
        }
        if (Files.isDirectory(target)) {
            throw new InvalidInputException(name + ": is a directory");
        }
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        boolean done = false;
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            tmp = createTemp(dir, fileName.toString());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream raw = Channels.newOutputStream(ch);
                BufferedOutputStream out = new BufferedOutputStream(new NonClosing(raw), 1 << 16);
                body.accept(out);
                out.flush();
                if (fsync) {
                    ch.force(true);
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } catch (AccessDeniedException e) {
            throw new InvalidInputException(name + ": cannot write (permission denied)", e);
        } catch (IOException e) {
            throw new InvalidInputException(name + ": cannot write (" + describe(e) + ")", e);
        } finally {
            if (!done && tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException | RuntimeException ignored) {
                    // best effort: the original failure is the one to report
                }
            }
        }
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically. */
    public static void writeString(Path target, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    private static Path createTemp(Path dir, String fileName) throws IOException {
        String base = fileName.length() > 100 ? fileName.substring(0, 100) : fileName;
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
            Path tmp = dir == null ? Path.of("." + base + "." + suffix + ".tmp")
                    : dir.resolve("." + base + "." + suffix + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    static String describe(IOException e) {
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return m == null ? kind : kind + ": " + m.replace('\n', ' ');
    }

    /** Lets the body close its stream without closing the channel before the flush and fsync. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
