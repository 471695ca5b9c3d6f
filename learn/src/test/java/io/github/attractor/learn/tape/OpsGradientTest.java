package io.github.attractor.learn.tape;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every tape operation against central finite differences (relative error ≤ 1e-6). */
class OpsGradientTest {
    private final SplittableRandom rng = new SplittableRandom(42);

    private static int size(int[] s) {
        int n = 1;
        for (int d : s) {
            n *= d;
        }
        return n;
    }

    /** Inputs of the given shapes with entries in ±2, at least 0.1 away from 0. */
    private void check(String name, GradCheck.Fn f, int[]... shapes) {
        double[][] in = new double[shapes.length][];
        for (int i = 0; i < shapes.length; i++) {
            in[i] = GradCheck.random(rng, size(shapes[i]), 2.0, 0.1);
        }
        GradCheck.check(name, f, in, shapes);
    }

    private static int[] s(int... d) {
        return d;
    }

    @Test
    void elementwiseSameShape() {
        check("add", (t, x) -> x[0].add(x[1]), s(3, 4), s(3, 4));
        check("sub", (t, x) -> x[0].sub(x[1]), s(2, 3, 4), s(2, 3, 4));
        check("mul", (t, x) -> x[0].mul(x[1]), s(5), s(5));
        check("div", (t, x) -> x[0].div(x[1]), s(3, 4), s(3, 4));
    }

    @Test
    void elementwiseBroadcast() {
        check("add row", (t, x) -> x[0].add(x[1]), s(3, 4), s(4));
        check("add row to batch", (t, x) -> x[0].add(x[1]), s(2, 3, 4), s(4));
        check("sub matrix from batch", (t, x) -> x[0].sub(x[1]), s(2, 3, 4), s(3, 4));
        check("mul per-sample scalar", (t, x) -> x[0].mul(x[1]), s(2, 3, 4), s(2, 1, 1));
        check("div by scalar", (t, x) -> x[0].div(x[1]), s(2, 3), s());
        check("scalar minus", (t, x) -> x[0].sub(x[1]), s(), s(2, 3));
        check("outer column+row", (t, x) -> x[0].mul(x[1]), s(3, 1), s(1, 4));
        check("div column", (t, x) -> x[0].div(x[1]), s(3, 4), s(3, 1));
        check("batch of columns", (t, x) -> x[1].sub(x[0]), s(2, 3, 1), s(2, 3, 4));
    }

    @Test
    void activations() {
        check("tanh", (t, x) -> x[0].tanh(), s(3, 4));
        check("relu", (t, x) -> x[0].relu(), s(3, 4));
        check("elu", (t, x) -> x[0].elu(0.7), s(3, 4));
        check("softplus", (t, x) -> x[0].softplus(), s(2, 2, 3));
        check("sigmoid", (t, x) -> x[0].sigmoid(), s(7));
        check("exp", (t, x) -> x[0].exp(), s(3, 4));
        check("log", (t, x) -> x[0].abs().log(), s(3, 4));
        check("sqrt", (t, x) -> x[0].square().plus(0.5).sqrt(), s(3, 4));
        check("square", (t, x) -> x[0].square(), s(3, 4));
        check("abs", (t, x) -> x[0].abs(), s(3, 4));
        check("scale plus neg", (t, x) -> x[0].scale(2.5).plus(-1.0).neg(), s(3, 4));
    }

    @Test
    void logAndSqrtDirectlyOnPositiveInputs() {
        double[] pos = GradCheck.uniform(rng, 6, 0.3, 3.0);
        GradCheck.check("log", (t, x) -> x[0].log(), new double[][] {pos}, new int[][] {s(2, 3)});
        GradCheck.check("sqrt", (t, x) -> x[0].sqrt(), new double[][] {pos.clone()}, new int[][] {s(6)});
    }

    @Test
    void matrixProducts() {
        check("mm", (t, x) -> x[0].matmul(x[1]), s(3, 4), s(4, 5));
        check("mm odd sizes", (t, x) -> x[0].matmul(x[1]), s(7, 9), s(9, 6));
        check("batched", (t, x) -> x[0].matmul(x[1]), s(2, 3, 5), s(2, 5, 4));
        check("batch x shared", (t, x) -> x[0].matmul(x[1]), s(3, 2, 5), s(5, 4));
        check("shared x batch", (t, x) -> x[0].matmul(x[1]), s(2, 5), s(3, 5, 4));
        check("matrix x vector", (t, x) -> x[0].matmul(x[1]), s(3, 5), s(5));
        check("vector x matrix", (t, x) -> x[0].matmul(x[1]), s(5), s(5, 3));
        check("batch x shared vector", (t, x) -> x[0].matmul(x[1]), s(2, 3, 5), s(5));
        check("dot", (t, x) -> x[0].matmul(x[1]), s(6), s(6));
        check("matvec", (t, x) -> Ops.matvec(x[0], x[1]), s(4, 3, 3), s(4, 3));
        check("same operand", (t, x) -> x[0].transpose().matmul(x[0]), s(3, 4, 4));
    }

    @Test
    void transposes() {
        check("transpose", (t, x) -> x[0].transpose(), s(3, 4));
        check("batched transpose", (t, x) -> x[0].transpose(), s(2, 3, 4));
    }

    @Test
    void reductions() {
        check("sum", (t, x) -> x[0].sum(), s(2, 3, 4));
        check("mean", (t, x) -> x[0].mean(), s(3, 4));
        check("sum axis 0", (t, x) -> x[0].sum(0), s(2, 3, 4));
        check("sum axis 1", (t, x) -> x[0].sum(1), s(2, 3, 4));
        check("sum axis -1", (t, x) -> x[0].sum(-1), s(2, 3, 4));
        check("mean axis 0", (t, x) -> x[0].mean(0), s(5, 3));
        check("sum vector axis", (t, x) -> x[0].sum(0), s(5));
        check("softmax", (t, x) -> x[0].softmax(), s(2, 3, 4));
        check("logSumExp", (t, x) -> x[0].logSumExp(), s(3, 5));
        check("cumsum", (t, x) -> x[0].cumsum(), s(2, 3, 4));
    }

    @Test
    void shapeOperations() {
        check("reshape", (t, x) -> x[0].reshape(4, -1).mul(x[1]), s(2, 3, 4), s(4, 6));
        check("slice axis 0", (t, x) -> x[0].slice(0, 1, 3), s(4, 3));
        check("slice axis 1", (t, x) -> x[0].slice(1, 1, 2), s(2, 3, 4));
        check("slice axis 2", (t, x) -> x[0].slice(2, 0, 3), s(2, 3, 4));
        check("concat axis 0", (t, x) -> Ops.concat(0, x[0], x[1]), s(2, 3), s(4, 3));
        check("concat axis 1", (t, x) -> Ops.concat(1, x[0], x[1], x[0]), s(2, 3), s(2, 1));
        check("concat axis 2", (t, x) -> Ops.concat(2, x[0], x[1]), s(2, 3, 2), s(2, 3, 3));
        check("select", (t, x) -> Ops.select(x[0], 2, 0, 2, 1), s(3, 4));
        check("gather", (t, x) -> Ops.gather(x[0], new int[] {3, 0, 1, 1, 2, 0}), s(2, 3, 4));
        boolean[] mask = {true, false, false, true, true, false};
        check("where", (t, x) -> Ops.where(mask, x[0], x[1]), s(2, 3), s(2, 3));
    }

    private double[] wellConditioned(int batch, int n) {
        double[] a = GradCheck.random(rng, batch * n * n, 1.0, 0.0);
        for (int p = 0; p < batch; p++) {
            for (int i = 0; i < n; i++) {
                a[p * n * n + i * n + i] += (i % 2 == 0 ? 1 : -1) * (n + 1.0);
            }
        }
        return a;
    }

    @Test
    void solves() {
        int n = 4;
        GradCheck.check("solve vector", (t, x) -> Ops.solve(x[0], x[1]),
                new double[][] {wellConditioned(1, n), GradCheck.random(rng, n, 2, 0.1)}, new int[][] {s(n, n), s(n)});
        GradCheck.check("solve matrix", (t, x) -> Ops.solve(x[0], x[1]),
                new double[][] {wellConditioned(1, n), GradCheck.random(rng, n * 3, 2, 0.1)},
                new int[][] {s(n, n), s(n, 3)});
        GradCheck.check("solve batch of vectors", (t, x) -> Ops.solve(x[0], x[1]),
                new double[][] {wellConditioned(5, n), GradCheck.random(rng, 5 * n, 2, 0.1)},
                new int[][] {s(5, n, n), s(5, n)});
        GradCheck.check("solve batch of matrices", (t, x) -> Ops.solve(x[0], x[1]),
                new double[][] {wellConditioned(3, n), GradCheck.random(rng, 3 * n * 2, 2, 0.1)},
                new int[][] {s(3, n, n), s(3, n, 2)});
    }

    @Test
    void compositeExpressionOfEllcdShape() {
        // A(x) = -Ps^T Ps + Pa - Pa^T - alpha I applied to a batch of vectors, as ELCD will build it.
        int b = 3;
        int d = 3;
        double[] eye = new double[d * d];
        for (int i = 0; i < d; i++) {
            eye[i * d + i] = 0.5;
        }
        check("elcd-like", (t, x) -> {
            Node ps = x[0].reshape(b, d, d);
            Node pa = x[1].reshape(b, d, d);
            Node a = ps.transpose().matmul(ps).neg().add(pa).sub(pa.transpose()).sub(t.constant(eye, d, d));
            return Ops.matvec(a, x[2]).square().mean();
        }, s(b, d * d), s(b, d * d), s(b, d));
    }
}
