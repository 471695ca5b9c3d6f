package io.github.attractor.cli.plot;

import io.github.attractor.core.error.InvalidInputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes the Java2D plots ({@link PhasePortrait}, {@link ImageGrid}) as PNG files, creating the folder. */
final class Png {
    private Png() {
    }

    static void write(BufferedImage img, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot write plot (" + e.getMessage() + ")");
        }
    }
}
