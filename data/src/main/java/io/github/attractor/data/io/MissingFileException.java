package io.github.attractor.data.io;

import io.github.attractor.core.error.InvalidInputException;

/**
 * Invalid input: a file to read does not exist, is a directory, or cannot be opened. The message starts
 * with the file name.
 */
public class MissingFileException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public MissingFileException(String message) {
        super(message);
    }

    public MissingFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
