package io.github.attractor.core.error;

/** Invalid input: array shapes or dimensions do not agree. */
public class ShapeMismatchException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public ShapeMismatchException(String message) {
        super(message);
    }
}
