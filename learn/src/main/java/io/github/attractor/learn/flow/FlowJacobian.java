package io.github.attractor.learn.flow;

import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Tape;

/**
 * The Jacobian {@code Dφ(x)} of an invertible layer at one point, by reverse mode: row {@code i} is the gradient
 * of {@code y_i} (one backward pass per output, parameters' gradients untouched). Exact up to rounding, so it is
 * the oracle for the layers' log-determinants and the input of metric checks.
 */
public final class FlowJacobian {
    private FlowJacobian() {
    }

    /** {@code Dφ(x)} as a row-major {@code d×d} array. */
    public static double[] forward(InvertibleLayer layer, double[] x) {
        return jacobian(layer, x, false);
    }

    /** {@code Dφ^{-1}(y)} as a row-major {@code d×d} array. */
    public static double[] inverse(InvertibleLayer layer, double[] y) {
        return jacobian(layer, y, true);
    }

    private static double[] jacobian(InvertibleLayer layer, double[] x, boolean inverse) {
        int d = layer.dimension();
        if (x.length != d) {
            throw new ShapeMismatchException("jacobian: point has " + x.length + " entries, layer dimension is " + d);
        }
        Tape t = new Tape().parameterGradients(false);
        Node in = t.variable(x.clone(), 1, d);
        Node out = (inverse ? layer.inverse(in) : layer.forward(in)).output();
        double[] jac = new double[d * d];
        double[] seed = new double[d];
        for (int i = 0; i < d; i++) {
            t.clearGradients();
            seed[i] = 1;
            t.backward(out, seed);
            seed[i] = 0;
            System.arraycopy(in.grad(), 0, jac, i * d, d);
        }
        return jac;
    }
}
