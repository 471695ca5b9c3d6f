package io.github.attractor.learn.tape;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Finite-difference oracle for tape gradients: for {@code L = Σ_i w_i f(x)_i} with random fixed weights
 * {@code w}, compares the tape's {@code ∂L/∂x} with central differences {@code (L(x + h e_j) − L(x − h e_j)) / 2h}.
 * The relative error of an input is {@code max_j |analytic_j − numeric_j| / max_j |numeric_j|}.
 */
public final class GradCheck {
    /** A function of tape nodes. */
    public interface Fn {
        Node apply(Tape tape, Node[] inputs);
    }

    public static final double TOLERANCE = 1e-6;

    private GradCheck() {
    }

    /** Random array with entries uniform in ±scale and magnitude at least {@code minAbs} (away from kinks). */
    public static double[] random(SplittableRandom rng, int n, double scale, double minAbs) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            double v = minAbs + (scale - minAbs) * rng.nextDouble();
            a[i] = rng.nextBoolean() ? v : -v;
        }
        return a;
    }

    /** Random array with entries uniform in [lo, hi]. */
    public static double[] uniform(SplittableRandom rng, int n, double lo, double hi) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = lo + (hi - lo) * rng.nextDouble();
        }
        return a;
    }

    /** Asserts that every input's gradient has relative error at most {@link #TOLERANCE} and is not zero. */
    public static void check(String name, Fn f, double[][] inputs, int[][] shapes) {
        double[] errs = errors(f, inputs, shapes, 17);
        for (int i = 0; i < errs.length; i++) {
            assertTrue(errs[i] <= TOLERANCE, name + ": input " + i + " relative gradient error " + errs[i]);
        }
    }

    /** Relative error per input (infinity if the numeric gradient is identically zero). */
    public static double[] errors(Fn f, double[][] inputs, int[][] shapes, long seed) {
        Tape tape = new Tape();
        Node[] in = new Node[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            in[i] = tape.variable(inputs[i].clone(), shapes[i]);
        }
        Node out = f.apply(tape, in);
        double[] w = random(new SplittableRandom(seed), out.size(), 1.0, 0.1);
        tape.backward(out, w);
        double[] errs = new double[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            double[] analytic = in[i].hasGrad() ? in[i].grad().clone() : new double[inputs[i].length];
            double maxNum = 0;
            double maxDiff = 0;
            for (int j = 0; j < inputs[i].length; j++) {
                double x0 = inputs[i][j];
                double h = 1e-5 * Math.max(1.0, Math.abs(x0));
                inputs[i][j] = x0 + h;
                double lp = loss(f, inputs, shapes, w);
                inputs[i][j] = x0 - h;
                double lm = loss(f, inputs, shapes, w);
                inputs[i][j] = x0;
                double num = (lp - lm) / (2 * h);
                maxNum = Math.max(maxNum, Math.abs(num));
                maxDiff = Math.max(maxDiff, Math.abs(num - analytic[j]));
            }
            errs[i] = maxNum > 1e-9 ? maxDiff / maxNum : Double.POSITIVE_INFINITY;
        }
        return errs;
    }

    private static double loss(Fn f, double[][] inputs, int[][] shapes, double[] w) {
        Tape tape = new Tape();
        Node[] in = new Node[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            in[i] = tape.constant(inputs[i].clone(), shapes[i]);
        }
        double[] v = f.apply(tape, in).value();
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += w[i] * v[i];
        }
        return s;
    }

    /**
     * Asserts that the parameter gradients of the scalar {@code loss} (recorded on a fresh tape by each call)
     * agree with central differences in every parameter entry (relative error per parameter ≤ {@link #TOLERANCE},
     * and not identically zero).
     */
    public static void checkParameters(String name, Function<Tape, Node> loss, List<Parameter> params) {
        for (Parameter p : params) {
            p.zeroGrad();
        }
        Tape tape = new Tape();
        tape.backward(loss.apply(tape));
        for (Parameter p : params) {
            double[] analytic = p.grad().clone();
            double[] v = p.value();
            double maxNum = 0;
            double maxDiff = 0;
            for (int j = 0; j < v.length; j++) {
                double x0 = v[j];
                double h = 1e-5 * Math.max(1.0, Math.abs(x0));
                v[j] = x0 + h;
                double lp = loss.apply(new Tape().parameterGradients(false)).item();
                v[j] = x0 - h;
                double lm = loss.apply(new Tape().parameterGradients(false)).item();
                v[j] = x0;
                double num = (lp - lm) / (2 * h);
                maxNum = Math.max(maxNum, Math.abs(num));
                maxDiff = Math.max(maxDiff, Math.abs(num - analytic[j]));
            }
            double err = maxNum > 1e-9 ? maxDiff / maxNum : Double.POSITIVE_INFINITY;
            assertTrue(err <= TOLERANCE, name + ": parameter " + p.name() + " relative gradient error " + err);
        }
    }
}
