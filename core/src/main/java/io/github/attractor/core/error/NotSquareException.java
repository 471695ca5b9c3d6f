package io.github.attractor.core.error;

/** Invalid input: a matrix that must be square is not. */
public class NotSquareException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public NotSquareException(String message) {
        super(message);
    }
}
