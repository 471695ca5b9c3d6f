package io.github.attractor.cli.repro;

import java.nio.file.Path;
import java.util.List;

/** Rows of a reproduction, the images it wrote, and a one-paragraph reading of the numbers. */
public record ReproResult(String name, List<Row> rows, List<Path> images, String summary) {
}
