/** File-system helpers: atomic writes ({@link io.github.attractor.data.io.AtomicFiles}). */
package io.github.attractor.data.io;
