package io.github.attractor.data.io;

import io.github.attractor.core.error.InvalidInputException;

/**
 * Invalid input: a file whose bytes are not the format it claims to be — a bad magic number, a truncated
 * body, a corrupt compression stream, or data left over after the declared content. The message starts
 * with the file name and names the problem in one line.
 */
public class MalformedFileException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public MalformedFileException(String message) {
        super(message);
    }

    public MalformedFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
