/**
 * File-system helpers: atomic writes ({@link io.github.attractor.data.io.AtomicFiles}), one-line reader
 * messages, and the reader errors {@link io.github.attractor.data.io.MissingFileException} and
 * {@link io.github.attractor.data.io.MalformedFileException}.
 */
package io.github.attractor.data.io;
