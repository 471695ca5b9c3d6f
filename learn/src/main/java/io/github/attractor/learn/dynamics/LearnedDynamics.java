package io.github.attractor.learn.dynamics;

import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Parameter;
import io.github.attractor.learn.tape.Tape;
import java.util.List;

/**
 * A learned vector field {@code ẋ = f_θ(x)} on {@code R^d} with an equilibrium x* — the common interface of ELCD
 * (4.10)–(4.11), ELCD with a learned diffeomorphism, and the baselines SDD (4.19), Euclideanizing Flows (4.18) and
 * NCDS (4.20)–(4.21). Training fits {@link #velocity} to (state, velocity) pairs by mean squared error; rollouts and
 * evaluation use {@link #evaluate} (no tape).
 */
public interface LearnedDynamics {

    /** The model's name in files and tables ({@code "elcd"}, {@code "elcd-flow"}, {@code "sdd"}, {@code "eflow"}, {@code "ncds"}). */
    String kind();

    /** The state dimension d. */
    int dimension();

    /** The equilibrium x* (a copy). */
    double[] equilibrium();

    /** The trainable parameters, in a fixed order (for optimizers and model files). */
    List<Parameter> parameters();

    /** The predicted velocities {@code f_θ(x)} of a batch, [B, d] → [B, d], on the tape (differentiable in θ). */
    Node velocity(Tape tape, Node states);

    /** {@code f_θ(x)} for one state, without gradients, into {@code out} (length d). */
    void evaluate(double[] x, double[] out);
}
