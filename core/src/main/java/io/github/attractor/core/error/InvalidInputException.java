package io.github.attractor.core.error;

/** Bad input: a file, option or argument that cannot be used as given. Exit code 2. */
public class InvalidInputException extends AttractorException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 2;
    }
}
