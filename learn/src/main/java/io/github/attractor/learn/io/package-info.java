/** Model files: versioned, checksummed, atomically written, loaded back bit-identical. */
package io.github.attractor.learn.io;
