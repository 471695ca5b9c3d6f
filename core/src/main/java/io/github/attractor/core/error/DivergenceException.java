package io.github.attractor.core.error;

/** Failed computation: an integration or iteration blew up (NaN, infinity, or a state norm past the blow-up bound). */
public class DivergenceException extends ComputationException {
    private static final long serialVersionUID = 1L;

    public DivergenceException(String message) {
        super(message);
    }
}
