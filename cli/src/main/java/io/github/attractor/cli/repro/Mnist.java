package io.github.attractor.cli.repro;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.data.idx.Idx;
import io.github.attractor.data.idx.IdxImages;
import io.github.attractor.data.io.DataRoot;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MNIST test images for the retrieval reproductions: {@code $ATTRACTOR_DATA/mnist/t10k-images-idx3-ubyte.gz},
 * with {@code ATTRACTOR_DATA} (or the system property {@code attractor.data}) defaulting to {@code ../shared/data}
 * (the project's reference data next to the checkout). Absent data is bad input (exit 2) with a message saying where it was looked for.
 */
final class Mnist {
    static final String FILE = "mnist/t10k-images-idx3-ubyte.gz";

    private Mnist() {
    }

    static Path location() {
        return DataRoot.resolve(FILE);
    }

    static IdxImages images() {
        Path p = location();
        if (!Files.isRegularFile(p)) {
            throw new InvalidInputException("MNIST test images not found at " + p.toAbsolutePath().normalize()
                    + " (set ATTRACTOR_DATA to the folder that holds " + FILE + ")");
        }
        return Idx.readImages(p);
    }
}
