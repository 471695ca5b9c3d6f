package io.github.attractor.cli.repro;

import java.nio.file.Path;

/**
 * What a reproduction run gets: the output directory (for PNGs), whether to run the short version used
 * by {@code attractor tour}, the seed, and whether to show progress.
 */
public record ReproContext(Path outDir, boolean quick, long seed, boolean progress) {
}
