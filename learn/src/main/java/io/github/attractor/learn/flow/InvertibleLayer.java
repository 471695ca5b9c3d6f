package io.github.attractor.learn.flow;

import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Parameter;
import java.util.List;

/**
 * A diffeomorphism {@code φ: R^d → R^d} with a tractable inverse and log-determinant, acting on batches of row
 * vectors {@code [B, d]} on a tape, so that its parameters receive gradients through the output and the
 * log-determinant (normalising flows; the learned coordinates {@code z = φ(x)} of ELCD, eq. 4.3.3–4.3.6).
 * Compose layers with {@link Flow}; {@link FlowJacobian} gives the Jacobian {@code Dφ(x)} by reverse mode.
 */
public interface InvertibleLayer {
    /** The dimension {@code d}. */
    int dimension();

    /** {@code y = φ(x)} and {@code log|det Dφ(x)|} per sample. */
    FlowResult forward(Node x);

    /** {@code x = φ^{-1}(y)} and {@code log|det Dφ^{-1}(y)| = −log|det Dφ(x)|} per sample. */
    FlowResult inverse(Node y);

    /** Trainable parameters (empty for a fixed permutation). */
    List<Parameter> parameters();
}
