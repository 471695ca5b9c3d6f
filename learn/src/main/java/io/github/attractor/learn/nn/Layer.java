package io.github.attractor.learn.nn;

import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Parameter;
import java.util.List;

/**
 * A differentiable map {@code y = f_θ(x)} on a tape, with its trainable parameters {@code θ}. Inputs are
 * batches of row vectors {@code [B, in]} (or single rows {@code [in]}); the output has the same leading shape.
 */
public interface Layer {
    /** Records {@code f_θ(x)} on {@code x}'s tape. */
    Node forward(Node x);

    /** The parameters, in a fixed order, with names unique within the layer. */
    List<Parameter> parameters();
}
