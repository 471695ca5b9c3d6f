package io.github.attractor.data.io;

import java.io.IOException;

/**
 * A consumer that may throw {@link IOException}: the body that writes a file's content for
 * {@link AtomicFiles#write(java.nio.file.Path, IoConsumer)}.
 *
 * @param <T> what is consumed (an output stream)
 */
@FunctionalInterface
public interface IoConsumer<T> {
    /** Consumes {@code t}. */
    void accept(T t) throws IOException;
}
