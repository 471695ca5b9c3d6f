package io.github.attractor.learn.io;

import io.github.attractor.core.error.InvalidInputException;

/**
 * Invalid input: a model file that cannot be read as one — not a model file, an unsupported format version, a
 * truncated or corrupted body (checksum mismatch), or parameters that do not fit the model being loaded. The
 * message starts with the file name and names the problem in one line.
 */
public class ModelFileException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
