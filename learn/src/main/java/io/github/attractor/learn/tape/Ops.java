package io.github.attractor.learn.tape;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.Arrays;

/**
 * The operations of the {@link Tape}, each with its forward value and its vector–Jacobian product
 * ({@code x̄ += (∂y/∂x)^T ȳ}). Shapes have rank 0 to 3; "last axis" operations act on each row
 * {@code x[..., :]}.
 *
 * <ul>
 * <li>Elementwise {@code add, sub, mul, div} with NumPy broadcasting over the right-aligned dimensions
 *     (a dimension of 1 or a missing one repeats): scalar with anything, a row vector {@code [n]} added to
 *     each row of {@code [m, n]} or {@code [B, m, n]}, {@code [B, 1, 1]} scaling each matrix of a batch.
 *     Gradients of a broadcast operand are summed over the repeated positions.</li>
 * <li>Activations {@code tanh, relu, elu, softplus, sigmoid, exp, log, sqrt, square, abs}, with
 *     {@code softplus(x) = log(1 + e^x)} and {@code elu(x) = x (x > 0), α(e^x − 1) (x ≤ 0)}.</li>
 * <li>{@code matmul}: {@code C = A B} for {@code [m,k]·[k,n]}, batched {@code [B,m,k]·[B,k,n]}, one shared
 *     side {@code [B,m,k]·[k,n]} or {@code [m,k]·[B,k,n]}, and vector operands {@code [k]}; with
 *     {@code Ā += C̄ B^T}, {@code B̄ += A^T C̄}. {@code matvec}: {@code y_b = A_b x_b} for
 *     {@code [B,m,k]·[B,k]}.</li>
 * <li>Reductions {@code sum}, {@code mean} over all entries or one axis; {@code softmax},
 *     {@code logSumExp} and {@code cumsum} over the last axis.</li>
 * <li>{@code reshape, slice, concat, transpose} (of the last two axes), {@code select} (columns by
 *     index), {@code gather} (one entry per row), {@code where} (elementwise choice by a fixed mask).</li>
 * <li>{@code solve}: {@code X = A^{-1} B} for one system or a batch of small ones, with
 *     {@code B̄ += A^{-T} X̄} and {@code Ā −= (A^{-T} X̄) X^T}.</li>
 * </ul>
 */
public final class Ops {
    private static final int ADD = 0;
    private static final int SUB = 1;
    private static final int MUL = 2;
    private static final int DIV = 3;

    private Ops() {
    }

    static Tape sameTape(String op, Node a, Node b) {
        if (a.tape != b.tape) {
            throw new InvalidInputException(op + ": operands belong to different tapes");
        }
        return a.tape;
    }

    // =====================================================================================================
    // Elementwise binary operations with broadcasting
    // =====================================================================================================

    /** {@code a + b} (broadcast). */
    public static Node add(Node a, Node b) {
        return binary("add", ADD, a, b);
    }

    /** {@code a − b} (broadcast). */
    public static Node sub(Node a, Node b) {
        return binary("sub", SUB, a, b);
    }

    /** {@code a ∘ b} (elementwise product, broadcast). */
    public static Node mul(Node a, Node b) {
        return binary("mul", MUL, a, b);
    }

    /** {@code a / b} (elementwise, broadcast). */
    public static Node div(Node a, Node b) {
        return binary("div", DIV, a, b);
    }

    static int[] broadcastShape(String op, int[] sa, int[] sb) {
        int r = Math.max(sa.length, sb.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i - (r - sa.length) >= 0 ? sa[i - (r - sa.length)] : 1;
            int db = i - (r - sb.length) >= 0 ? sb[i - (r - sb.length)] : 1;
            if (da != db && da != 1 && db != 1) {
                throw new ShapeMismatchException(op + ": shapes " + Shapes.str(sa) + " and " + Shapes.str(sb)
                        + " do not broadcast");
            }
            out[i] = Math.max(da, db);
        }
        return out;
    }

    /** Strides of {@code s} (padded to rank 3) against the rank-3 output {@code o3}; 0 where it repeats. */
    private static int[] strides(int[] s, int[] o3) {
        int[] p = Shapes.pad3(s);
        int[] st = {p[1] * p[2], p[2], 1};
        for (int i = 0; i < 3; i++) {
            if (p[i] == 1 && o3[i] != 1) {
                st[i] = 0;
            }
        }
        return st;
    }

    private static Node binary(String op, int kind, Node a, Node b) {
        Tape t = sameTape(op, a, b);
        int[] os = broadcastShape(op, a.shape, b.shape);
        int n = Shapes.size(os);
        double[] y = t.buffer(n);
        double[] av = a.value;
        double[] bv = b.value;
        if (a.size == n && b.size == n) {
            forward(kind, av, 0, 1, bv, 0, 1, y, 0, n);
        } else {
            int[] o3 = Shapes.pad3(os);
            int[] sa = strides(a.shape, o3);
            int[] sb = strides(b.shape, o3);
            int p = 0;
            for (int i0 = 0; i0 < o3[0]; i0++) {
                for (int i1 = 0; i1 < o3[1]; i1++) {
                    forward(kind, av, i0 * sa[0] + i1 * sa[1], sa[2], bv, i0 * sb[0] + i1 * sb[1], sb[2], y, p, o3[2]);
                    p += o3[2];
                }
            }
        }
        return t.op(y, os, a.requiresGrad || b.requiresGrad, out -> {
            double[] g = out.grad;
            boolean same = a.size == n && b.size == n;
            int[] o3 = Shapes.pad3(os);
            int[] sa = same ? new int[] {0, 0, 1} : strides(a.shape, o3);
            int[] sb = same ? new int[] {0, 0, 1} : strides(b.shape, o3);
            int rows = same ? 1 : o3[0] * o3[1];
            int len = same ? n : o3[2];
            double[] ga = a.requiresGrad ? a.grad() : null;
            double[] gb = b.requiresGrad ? b.grad() : null;
            for (int r = 0, p = 0; r < rows; r++, p += len) {
                int i0 = same ? 0 : r / o3[1];
                int i1 = same ? 0 : r % o3[1];
                int ia = i0 * sa[0] + i1 * sa[1];
                int ib = i0 * sb[0] + i1 * sb[1];
                if (ga != null) {
                    backA(kind, g, p, ga, ia, sa[2], bv, ib, sb[2], len);
                }
                if (gb != null) {
                    backB(kind, g, p, gb, ib, sb[2], av, ia, sa[2], bv, len);
                }
            }
        });
    }

    private static void forward(int kind, double[] a, int ia, int sa, double[] b, int ib, int sb, double[] y, int p,
            int n) {
        if (sa == 1 && sb == 1) {
            switch (kind) {
                case ADD -> {
                    for (int j = 0; j < n; j++) {
                        y[p + j] = a[ia + j] + b[ib + j];
                    }
                }
                case SUB -> {
                    for (int j = 0; j < n; j++) {
                        y[p + j] = a[ia + j] - b[ib + j];
                    }
                }
                case MUL -> {
                    for (int j = 0; j < n; j++) {
                        y[p + j] = a[ia + j] * b[ib + j];
                    }
                }
                default -> {
                    for (int j = 0; j < n; j++) {
                        y[p + j] = a[ia + j] / b[ib + j];
                    }
                }
            }
        } else if (sa == 1 && sb == 0) {
            double c = b[ib];
            switch (kind) {
                case ADD -> {
                    for (int j = 0; j < n; j++) {
                        y[p + j] = a[ia + j] + c;
                    }
                }
                case SUB -> {
                    for (int j = 0; j < n; j++) {
                        y[p + j] = a[ia + j] - c;
                    }
                }
                case MUL -> {
                    for (int j = 0; j < n; j++) {
                        y[p + j] = a[ia + j] * c;
                    }
                }
                default -> {
                    for (int j = 0; j < n; j++) {
                        y[p + j] = a[ia + j] / c;
                    }
                }
            }
        } else {
            for (int j = 0; j < n; j++) {
                double x = a[ia + j * sa];
                double z = b[ib + j * sb];
                y[p + j] = switch (kind) {
                    case ADD -> x + z;
                    case SUB -> x - z;
                    case MUL -> x * z;
                    default -> x / z;
                };
            }
        }
    }

    private static void backA(int kind, double[] g, int p, double[] ga, int ia, int sa, double[] b, int ib, int sb,
            int n) {
        switch (kind) {
            case ADD, SUB -> {
                if (sa == 1) {
                    for (int j = 0; j < n; j++) {
                        ga[ia + j] += g[p + j];
                    }
                } else {
                    for (int j = 0; j < n; j++) {
                        ga[ia + j * sa] += g[p + j];
                    }
                }
            }
            case MUL -> {
                for (int j = 0; j < n; j++) {
                    ga[ia + j * sa] += g[p + j] * b[ib + j * sb];
                }
            }
            default -> {
                for (int j = 0; j < n; j++) {
                    ga[ia + j * sa] += g[p + j] / b[ib + j * sb];
                }
            }
        }
    }

    private static void backB(int kind, double[] g, int p, double[] gb, int ib, int sb, double[] a, int ia, int sa,
            double[] b, int n) {
        switch (kind) {
            case ADD -> {
                for (int j = 0; j < n; j++) {
                    gb[ib + j * sb] += g[p + j];
                }
            }
            case SUB -> {
                for (int j = 0; j < n; j++) {
                    gb[ib + j * sb] -= g[p + j];
                }
            }
            case MUL -> {
                for (int j = 0; j < n; j++) {
                    gb[ib + j * sb] += g[p + j] * a[ia + j * sa];
                }
            }
            default -> {
                for (int j = 0; j < n; j++) {
                    double z = b[ib + j * sb];
                    gb[ib + j * sb] -= g[p + j] * a[ia + j * sa] / (z * z);
                }
            }
        }
    }

    // =====================================================================================================
    // Elementwise unary operations
    // =====================================================================================================

    private static final int TANH = 0;
    private static final int RELU = 1;
    private static final int ELU = 2;
    private static final int SOFTPLUS = 3;
    private static final int SIGMOID = 4;
    private static final int EXP = 5;
    private static final int LOG = 6;
    private static final int SQRT = 7;
    private static final int SQUARE = 8;
    private static final int ABS = 9;
    private static final int AFFINE = 10;

    /** {@code tanh(x)}; derivative {@code 1 − y²}. */
    public static Node tanh(Node x) {
        return unary(TANH, x, 0, 0);
    }

    /** {@code max(x, 0)}; derivative {@code [x > 0]}. */
    public static Node relu(Node x) {
        return unary(RELU, x, 0, 0);
    }

    /** {@code x} for {@code x > 0}, {@code α(e^x − 1)} otherwise; derivative 1 or {@code y + α}. */
    public static Node elu(Node x, double alpha) {
        return unary(ELU, x, alpha, 0);
    }

    /** {@code log(1 + e^x)}, evaluated as {@code max(x,0) + log1p(e^{−|x|})}; derivative {@code σ(x)}. */
    public static Node softplus(Node x) {
        return unary(SOFTPLUS, x, 0, 0);
    }

    /** {@code σ(x) = 1 / (1 + e^{−x})}; derivative {@code y(1 − y)}. */
    public static Node sigmoid(Node x) {
        return unary(SIGMOID, x, 0, 0);
    }

    /** {@code e^x}. */
    public static Node exp(Node x) {
        return unary(EXP, x, 0, 0);
    }

    /** {@code log x} (natural); derivative {@code 1/x}. */
    public static Node log(Node x) {
        return unary(LOG, x, 0, 0);
    }

    /** {@code √x}; derivative {@code 1/(2y)}. */
    public static Node sqrt(Node x) {
        return unary(SQRT, x, 0, 0);
    }

    /** {@code x²}. */
    public static Node square(Node x) {
        return unary(SQUARE, x, 0, 0);
    }

    /** {@code |x|}; derivative {@code sign(x)}. */
    public static Node abs(Node x) {
        return unary(ABS, x, 0, 0);
    }

    /** {@code c·x}. */
    public static Node scale(Node x, double c) {
        return unary(AFFINE, x, c, 0);
    }

    /** {@code x + c}. */
    public static Node plus(Node x, double c) {
        return unary(AFFINE, x, 1, c);
    }

    /** {@code −x}. */
    public static Node neg(Node x) {
        return unary(AFFINE, x, -1, 0);
    }

    private static Node unary(int kind, Node x, double p, double q) {
        int n = x.size;
        double[] xv = x.value;
        double[] y = x.tape.buffer(n);
        switch (kind) {
            case TANH -> DenseKernels.tanh(xv, y, n);
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    y[i] = Math.max(xv[i], 0.0);
                }
            }
            case ELU -> {
                for (int i = 0; i < n; i++) {
                    double v = xv[i];
                    y[i] = v > 0 ? v : p * Math.expm1(v);
                }
            }
            case SOFTPLUS -> {
                for (int i = 0; i < n; i++) {
                    double v = xv[i];
                    y[i] = Math.max(v, 0.0) + Math.log1p(Math.exp(-Math.abs(v)));
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    y[i] = sigmoid(xv[i]);
                }
            }
            case EXP -> {
                for (int i = 0; i < n; i++) {
                    y[i] = Math.exp(xv[i]);
                }
            }
            case LOG -> {
                for (int i = 0; i < n; i++) {
                    y[i] = Math.log(xv[i]);
                }
            }
            case SQRT -> {
                for (int i = 0; i < n; i++) {
                    y[i] = Math.sqrt(xv[i]);
                }
            }
            case SQUARE -> {
                for (int i = 0; i < n; i++) {
                    y[i] = xv[i] * xv[i];
                }
            }
            case ABS -> {
                for (int i = 0; i < n; i++) {
                    y[i] = Math.abs(xv[i]);
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    y[i] = p * xv[i] + q;
                }
            }
        }
        return x.tape.op(y, x.shape, x.requiresGrad, out -> {
            double[] g = out.grad;
            double[] gx = x.grad();
            switch (kind) {
                case TANH -> {
                    for (int i = 0; i < n; i++) {
                        gx[i] += g[i] * (1 - y[i] * y[i]);
                    }
                }
                case RELU -> {
                    for (int i = 0; i < n; i++) {
                        if (xv[i] > 0) {
                            gx[i] += g[i];
                        }
                    }
                }
                case ELU -> {
                    for (int i = 0; i < n; i++) {
                        gx[i] += xv[i] > 0 ? g[i] : g[i] * (y[i] + p);
                    }
                }
                case SOFTPLUS -> {
                    for (int i = 0; i < n; i++) {
                        gx[i] += g[i] * sigmoid(xv[i]);
                    }
                }
                case SIGMOID -> {
                    for (int i = 0; i < n; i++) {
                        gx[i] += g[i] * y[i] * (1 - y[i]);
                    }
                }
                case EXP -> {
                    for (int i = 0; i < n; i++) {
                        gx[i] += g[i] * y[i];
                    }
                }
                case LOG -> {
                    for (int i = 0; i < n; i++) {
                        gx[i] += g[i] / xv[i];
                    }
                }
                case SQRT -> {
                    for (int i = 0; i < n; i++) {
                        gx[i] += g[i] * 0.5 / y[i];
                    }
                }
                case SQUARE -> {
                    for (int i = 0; i < n; i++) {
                        gx[i] += 2 * g[i] * xv[i];
                    }
                }
                case ABS -> {
                    for (int i = 0; i < n; i++) {
                        gx[i] += xv[i] > 0 ? g[i] : xv[i] < 0 ? -g[i] : 0.0;
                    }
                }
                default -> {
                    for (int i = 0; i < n; i++) {
                        gx[i] += p * g[i];
                    }
                }
            }
        });
    }

    /** Numerically stable logistic function {@code 1 / (1 + e^{−x})}. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    // =====================================================================================================
    // Matrix products and transposes
    // =====================================================================================================

    /**
     * Matrix product {@code C = A B}. {@code a}: {@code [k]} (a row), {@code [m,k]} (shared by a batch) or
     * {@code [B,m,k]}; {@code b}: {@code [k]} (a column), {@code [k,n]} (shared) or {@code [B,k,n]}. The
     * result drops the dimensions of vector operands: {@code [m,k]·[k] → [m]}, {@code [B,m,k]·[k,n] → [B,m,n]}.
     * A batch of matrices times a batch of vectors is {@link #matvec}.
     */
    public static Node matmul(Node a, Node b) {
        Tape t = sameTape("matmul", a, b);
        int ra = a.shape.length;
        int rb = b.shape.length;
        if (ra == 0 || rb == 0) {
            throw new ShapeMismatchException("matmul: operands must have rank 1 to 3, got " + Shapes.str(a.shape) + " and "
                    + Shapes.str(b.shape));
        }
        int batchA = ra == 3 ? a.shape[0] : 1;
        int m = ra == 1 ? 1 : a.shape[ra - 2];
        int k = a.shape[ra - 1];
        int batchB = rb == 3 ? b.shape[0] : 1;
        int kb = rb == 1 ? b.shape[0] : b.shape[rb - 2];
        int n = rb == 1 ? 1 : b.shape[rb - 1];
        if (k != kb) {
            throw new ShapeMismatchException("matmul: inner dimensions differ, a is " + Shapes.str(a.shape) + " and b is "
                    + Shapes.str(b.shape));
        }
        if (ra == 3 && rb == 3 && batchA != batchB) {
            throw new ShapeMismatchException("matmul: batch sizes differ, a is " + Shapes.str(a.shape) + " and b is "
                    + Shapes.str(b.shape));
        }
        int batch = Math.max(batchA, batchB);
        int[] os = new int[(ra == 3 || rb == 3 ? 1 : 0) + (ra == 1 ? 0 : 1) + (rb == 1 ? 0 : 1)];
        int q = 0;
        if (ra == 3 || rb == 3) {
            os[q++] = batch;
        }
        if (ra != 1) {
            os[q++] = m;
        }
        if (rb != 1) {
            os[q] = n;
        }
        double[] y = t.zeros(batch * m * n);
        double[] av = a.value;
        double[] bv = b.value;
        boolean fold = batchB == 1 && batchA == batch;
        if (fold) {
            DenseKernels.mm(av, 0, bv, 0, y, 0, batch * m, k, n);
        } else {
            for (int p = 0; p < batch; p++) {
                DenseKernels.mm(av, batchA == 1 ? 0 : p * m * k, bv, batchB == 1 ? 0 : p * k * n, y, p * m * n, m, k, n);
            }
        }
        return t.op(y, os, a.requiresGrad || b.requiresGrad, out -> {
            double[] g = out.grad;
            if (a.requiresGrad) {
                double[] ga = a.grad();
                double[] scratch = t.buffer(k * n);
                if (fold) {
                    DenseKernels.mmTransB(g, 0, bv, 0, ga, 0, batch * m, n, k, scratch);
                } else if (batchB == 1) {
                    DenseKernels.transpose(bv, 0, scratch, 0, k, n);
                    for (int p = 0; p < batch; p++) {
                        DenseKernels.mm(g, p * m * n, scratch, 0, ga, batchA == 1 ? 0 : p * m * k, m, n, k);
                    }
                } else {
                    for (int p = 0; p < batch; p++) {
                        DenseKernels.mmTransB(g, p * m * n, bv, p * k * n, ga, batchA == 1 ? 0 : p * m * k, m, n, k,
                                scratch);
                    }
                }
            }
            if (b.requiresGrad) {
                double[] gb = b.grad();
                if (fold) {
                    DenseKernels.mmTransA(av, 0, g, 0, gb, 0, batch * m, k, n);
                } else {
                    for (int p = 0; p < batch; p++) {
                        DenseKernels.mmTransA(av, batchA == 1 ? 0 : p * m * k, g, p * m * n, gb, batchB == 1 ? 0 : p * k * n,
                                m, k, n);
                    }
                }
            }
        });
    }

    /** Batch of matrix–vector products {@code y_b = A_b x_b}: {@code [B,m,k]·[B,k] → [B,m]}. */
    public static Node matvec(Node a, Node x) {
        if (a.shape.length != 3 || x.shape.length != 2 || x.shape[0] != a.shape[0] || x.shape[1] != a.shape[2]) {
            throw new ShapeMismatchException("matvec: expected a [B,m,k] and x [B,k], got " + Shapes.str(a.shape) + " and "
                    + Shapes.str(x.shape));
        }
        Node y = matmul(a, reshape(x, x.shape[0], x.shape[1], 1));
        return reshape(y, a.shape[0], a.shape[1]);
    }

    /** Transpose of a matrix, or of each matrix of a batch ({@code [B,m,n] → [B,n,m]}). */
    public static Node transpose(Node a) {
        int r = a.shape.length;
        if (r < 2) {
            throw new ShapeMismatchException("transpose: needs rank 2 or 3, got " + Shapes.str(a.shape));
        }
        int batch = r == 3 ? a.shape[0] : 1;
        int m = a.shape[r - 2];
        int n = a.shape[r - 1];
        double[] y = a.tape.buffer(a.size);
        for (int p = 0; p < batch; p++) {
            DenseKernels.transpose(a.value, p * m * n, y, p * m * n, m, n);
        }
        int[] os = r == 3 ? new int[] {batch, n, m} : new int[] {n, m};
        return a.tape.op(y, os, a.requiresGrad, out -> {
            double[] g = out.grad;
            double[] ga = a.grad();
            for (int p = 0; p < batch; p++) {
                int o = p * m * n;
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        ga[o + i * n + j] += g[o + j * m + i];
                    }
                }
            }
        });
    }

    // =====================================================================================================
    // Reductions
    // =====================================================================================================

    /** Sum of all entries, shape {@code []}. */
    public static Node sum(Node a) {
        return total(a, 1.0);
    }

    /** Mean of all entries, shape {@code []}. */
    public static Node mean(Node a) {
        return total(a, 1.0 / a.size);
    }

    private static Node total(Node a, double factor) {
        double s = 0;
        double[] v = a.value;
        for (int i = 0; i < v.length; i++) {
            s += v[i];
        }
        double[] y = a.tape.buffer(1);
        y[0] = s * factor;
        return a.tape.op(y, new int[0], a.requiresGrad, out -> {
            double g = out.grad[0] * factor;
            double[] ga = a.grad();
            for (int i = 0; i < ga.length; i++) {
                ga[i] += g;
            }
        });
    }

    /** Sum over {@code axis} (negative counts from the end); the axis is removed from the shape. */
    public static Node sum(Node a, int axis) {
        return axisSum("sum", a, axis, false);
    }

    /** Mean over {@code axis}; the axis is removed from the shape. */
    public static Node mean(Node a, int axis) {
        return axisSum("mean", a, axis, true);
    }

    private static int axis(String op, Node a, int axis) {
        int r = a.shape.length;
        int ax = axis < 0 ? r + axis : axis;
        if (ax < 0 || ax >= r) {
            throw new InvalidInputException(op + ": axis " + axis + " out of range for shape " + Shapes.str(a.shape));
        }
        return ax;
    }

    private static Node axisSum(String op, Node a, int axis, boolean mean) {
        int ax = axis(op, a, axis);
        int pre = Shapes.prod(a.shape, 0, ax);
        int len = a.shape[ax];
        int post = Shapes.prod(a.shape, ax + 1, a.shape.length);
        double f = mean ? 1.0 / len : 1.0;
        double[] v = a.value;
        double[] y = a.tape.zeros(pre * post);
        for (int p = 0; p < pre; p++) {
            for (int j = 0; j < len; j++) {
                int src = (p * len + j) * post;
                int dst = p * post;
                for (int q = 0; q < post; q++) {
                    y[dst + q] += v[src + q];
                }
            }
        }
        if (mean) {
            for (int i = 0; i < y.length; i++) {
                y[i] *= f;
            }
        }
        return a.tape.op(y, Shapes.without(a.shape, ax), a.requiresGrad, out -> {
            double[] g = out.grad;
            double[] ga = a.grad();
            for (int p = 0; p < pre; p++) {
                for (int j = 0; j < len; j++) {
                    int dst = (p * len + j) * post;
                    int src = p * post;
                    for (int q = 0; q < post; q++) {
                        ga[dst + q] += f * g[src + q];
                    }
                }
            }
        });
    }

    /**
     * Softmax over the last axis, {@code y_j = e^{x_j − max x} / Σ_l e^{x_l − max x}}, with
     * {@code x̄ = y ∘ (ȳ − ⟨ȳ, y⟩)} per row.
     */
    public static Node softmax(Node a) {
        int n = lastDim("softmax", a);
        int rows = a.size / n;
        double[] x = a.value;
        double[] y = a.tape.buffer(a.size);
        for (int r = 0; r < rows; r++) {
            int o = r * n;
            double mx = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                mx = Math.max(mx, x[o + j]);
            }
            double s = 0;
            for (int j = 0; j < n; j++) {
                double e = Math.exp(x[o + j] - mx);
                y[o + j] = e;
                s += e;
            }
            double inv = 1.0 / s;
            for (int j = 0; j < n; j++) {
                y[o + j] *= inv;
            }
        }
        return a.tape.op(y, a.shape, a.requiresGrad, out -> {
            double[] g = out.grad;
            double[] ga = a.grad();
            for (int r = 0; r < rows; r++) {
                int o = r * n;
                double dot = 0;
                for (int j = 0; j < n; j++) {
                    dot += g[o + j] * y[o + j];
                }
                for (int j = 0; j < n; j++) {
                    ga[o + j] += y[o + j] * (g[o + j] - dot);
                }
            }
        });
    }

    /**
     * {@code log Σ_j e^{x_j}} over the last axis (computed as {@code m + log Σ e^{x_j − m}}, {@code m = max x});
     * the axis is removed. Gradient: {@code x̄_j = ȳ softmax(x)_j}.
     */
    public static Node logSumExp(Node a) {
        int n = lastDim("logSumExp", a);
        int rows = a.size / n;
        double[] x = a.value;
        double[] y = a.tape.buffer(rows);
        for (int r = 0; r < rows; r++) {
            int o = r * n;
            double mx = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                mx = Math.max(mx, x[o + j]);
            }
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += Math.exp(x[o + j] - mx);
            }
            y[r] = mx + Math.log(s);
        }
        return a.tape.op(y, Shapes.without(a.shape, a.shape.length - 1), a.requiresGrad, out -> {
            double[] g = out.grad;
            double[] ga = a.grad();
            for (int r = 0; r < rows; r++) {
                int o = r * n;
                for (int j = 0; j < n; j++) {
                    ga[o + j] += g[r] * Math.exp(x[o + j] - y[r]);
                }
            }
        });
    }

    /** Inclusive cumulative sum over the last axis, {@code y_j = Σ_{l ≤ j} x_l}; {@code x̄_j = Σ_{l ≥ j} ȳ_l}. */
    public static Node cumsum(Node a) {
        int n = lastDim("cumsum", a);
        int rows = a.size / n;
        double[] x = a.value;
        double[] y = a.tape.buffer(a.size);
        for (int r = 0; r < rows; r++) {
            int o = r * n;
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += x[o + j];
                y[o + j] = s;
            }
        }
        return a.tape.op(y, a.shape, a.requiresGrad, out -> {
            double[] g = out.grad;
            double[] ga = a.grad();
            for (int r = 0; r < rows; r++) {
                int o = r * n;
                double s = 0;
                for (int j = n - 1; j >= 0; j--) {
                    s += g[o + j];
                    ga[o + j] += s;
                }
            }
        });
    }

    private static int lastDim(String op, Node a) {
        if (a.shape.length == 0) {
            throw new ShapeMismatchException(op + ": needs rank 1 to 3, got a scalar");
        }
        return a.shape[a.shape.length - 1];
    }

    // =====================================================================================================
    // Shape operations
    // =====================================================================================================

    /**
     * The same entries (shared, not copied) under a new shape with the same number of entries; one dimension
     * may be {@code -1} to be inferred.
     */
    public static Node reshape(Node a, int... shape) {
        int[] s = shape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1 && infer < 0) {
                infer = i;
            } else {
                known *= s[i];
            }
        }
        if (infer >= 0 && known > 0 && a.size % known == 0) {
            s[infer] = (int) (a.size / known);
        }
        Shapes.check("reshape of " + Shapes.str(a.shape), s, a.size);
        int n = a.size;
        return a.tape.op(a.value, s, a.requiresGrad, out -> {
            double[] g = out.grad;
            double[] ga = a.grad();
            for (int i = 0; i < n; i++) {
                ga[i] += g[i];
            }
        });
    }

    /** Entries {@code from ≤ i < to} along {@code axis}. */
    public static Node slice(Node a, int axis, int from, int to) {
        int ax = axis("slice", a, axis);
        int len = a.shape[ax];
        if (from < 0 || to > len || from >= to) {
            throw new InvalidInputException("slice: range [" + from + ", " + to + ") is empty or outside 0.." + len
                    + " on axis " + ax + " of " + Shapes.str(a.shape));
        }
        int pre = Shapes.prod(a.shape, 0, ax);
        int post = Shapes.prod(a.shape, ax + 1, a.shape.length);
        int w = (to - from) * post;
        int[] os = a.shape.clone();
        os[ax] = to - from;
        double[] y = a.tape.buffer(pre * w);
        for (int p = 0; p < pre; p++) {
            System.arraycopy(a.value, (p * len + from) * post, y, p * w, w);
        }
        return a.tape.op(y, os, a.requiresGrad, out -> {
            double[] g = out.grad;
            double[] ga = a.grad();
            for (int p = 0; p < pre; p++) {
                int src = p * w;
                int dst = (p * len + from) * post;
                for (int i = 0; i < w; i++) {
                    ga[dst + i] += g[src + i];
                }
            }
        });
    }

    /** Concatenation along {@code axis}; all other dimensions must agree. */
    public static Node concat(int axis, Node... parts) {
        if (parts.length == 0) {
            throw new InvalidInputException("concat: no operands");
        }
        Node first = parts[0];
        int ax = axis("concat", first, axis);
        int total = 0;
        boolean rg = false;
        for (Node p : parts) {
            sameTape("concat", first, p);
            if (p.shape.length != first.shape.length) {
                throw new ShapeMismatchException("concat: ranks differ, " + Shapes.str(first.shape) + " and "
                        + Shapes.str(p.shape));
            }
            for (int i = 0; i < p.shape.length; i++) {
                if (i != ax && p.shape[i] != first.shape[i]) {
                    throw new ShapeMismatchException("concat: shapes " + Shapes.str(first.shape) + " and "
                            + Shapes.str(p.shape) + " differ off axis " + ax);
                }
            }
            total += p.shape[ax];
            rg |= p.requiresGrad;
        }
        int pre = Shapes.prod(first.shape, 0, ax);
        int post = Shapes.prod(first.shape, ax + 1, first.shape.length);
        int[] os = first.shape.clone();
        os[ax] = total;
        int rowLen = total * post;
        double[] y = first.tape.buffer(pre * rowLen);
        int off = 0;
        for (Node part : parts) {
            int w = part.shape[ax] * post;
            for (int p = 0; p < pre; p++) {
                System.arraycopy(part.value, p * w, y, p * rowLen + off, w);
            }
            off += w;
        }
        return first.tape.op(y, os, rg, out -> {
            double[] g = out.grad;
            int o = 0;
            for (Node part : parts) {
                int w = part.shape[ax] * post;
                if (part.requiresGrad) {
                    double[] gp = part.grad();
                    for (int p = 0; p < pre; p++) {
                        int src = p * rowLen + o;
                        int dst = p * w;
                        for (int i = 0; i < w; i++) {
                            gp[dst + i] += g[src + i];
                        }
                    }
                }
                o += w;
            }
        });
    }

    /**
     * Columns by index along the last axis: {@code y[..., j] = x[..., idx[j]]} (a permutation, a subset, or
     * repeats); {@code x̄[..., idx[j]] += ȳ[..., j]}.
     */
    public static Node select(Node a, int... idx) {
        int n = lastDim("select", a);
        for (int i : idx) {
            if (i < 0 || i >= n) {
                throw new InvalidInputException("select: index " + i + " outside 0.." + (n - 1));
            }
        }
        if (idx.length == 0) {
            throw new InvalidInputException("select: no indices");
        }
        int[] ix = idx.clone();
        int rows = a.size / n;
        int m = ix.length;
        double[] x = a.value;
        double[] y = a.tape.buffer(rows * m);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < m; j++) {
                y[r * m + j] = x[r * n + ix[j]];
            }
        }
        int[] os = a.shape.clone();
        os[os.length - 1] = m;
        return a.tape.op(y, os, a.requiresGrad, out -> {
            double[] g = out.grad;
            double[] ga = a.grad();
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < m; j++) {
                    ga[r * n + ix[j]] += g[r * m + j];
                }
            }
        });
    }

    /**
     * One entry per row of the last axis: {@code y[r] = x[r, idx[r]]}, where {@code r} runs over all leading
     * positions (row-major); the last axis is removed. A piecewise-constant index (a spline's bin) makes this
     * the differentiable lookup {@code x̄[r, idx[r]] += ȳ[r]}.
     */
    public static Node gather(Node a, int[] idx) {
        int n = lastDim("gather", a);
        int rows = a.size / n;
        if (idx.length != rows) {
            throw new ShapeMismatchException("gather: " + idx.length + " indices for " + rows + " rows of "
                    + Shapes.str(a.shape));
        }
        int[] ix = idx.clone();
        double[] x = a.value;
        double[] y = a.tape.buffer(rows);
        for (int r = 0; r < rows; r++) {
            if (ix[r] < 0 || ix[r] >= n) {
                throw new InvalidInputException("gather: index " + ix[r] + " outside 0.." + (n - 1) + " in row " + r);
            }
            y[r] = x[r * n + ix[r]];
        }
        return a.tape.op(y, Shapes.without(a.shape, a.shape.length - 1), a.requiresGrad, out -> {
            double[] g = out.grad;
            double[] ga = a.grad();
            for (int r = 0; r < rows; r++) {
                ga[r * n + ix[r]] += g[r];
            }
        });
    }

    /** Elementwise choice {@code y_i = mask_i ? a_i : b_i} for a fixed mask; {@code a} and {@code b} of equal shape. */
    public static Node where(boolean[] mask, Node a, Node b) {
        Tape t = sameTape("where", a, b);
        if (!Arrays.equals(a.shape, b.shape) || mask.length != a.size) {
            throw new ShapeMismatchException("where: a " + Shapes.str(a.shape) + ", b " + Shapes.str(b.shape) + " and mask of "
                    + mask.length + " must agree");
        }
        boolean[] mk = mask.clone();
        int n = a.size;
        double[] y = t.buffer(n);
        for (int i = 0; i < n; i++) {
            y[i] = mk[i] ? a.value[i] : b.value[i];
        }
        return t.op(y, a.shape, a.requiresGrad || b.requiresGrad, out -> {
            double[] g = out.grad;
            double[] ga = a.requiresGrad ? a.grad() : null;
            double[] gb = b.requiresGrad ? b.grad() : null;
            for (int i = 0; i < n; i++) {
                if (mk[i]) {
                    if (ga != null) {
                        ga[i] += g[i];
                    }
                } else if (gb != null) {
                    gb[i] += g[i];
                }
            }
        });
    }

    // =====================================================================================================
    // Linear solves
    // =====================================================================================================

    /**
     * Solution {@code X = A^{-1} B} of {@code A X = B}: {@code A [n,n]} with {@code B [n]} or {@code [n,r]}, or a
     * batch {@code A [S,n,n]} with {@code B [S,n]} or {@code [S,n,r]} (one system per sample). LU with partial
     * pivoting ({@link SmallLu}); backward {@code B̄ += A^{-T} X̄}, {@code Ā −= (A^{-T} X̄) X^T} reusing the
     * factors.
     *
     * @throws io.github.attractor.core.error.SingularProblemException if a matrix is singular
     */
    public static Node solve(Node a, Node b) {
        Tape t = sameTape("solve", a, b);
        int ra = a.shape.length;
        if (ra < 2 || a.shape[ra - 1] != a.shape[ra - 2]) {
            throw new ShapeMismatchException("solve: A must be [n,n] or [S,n,n], got " + Shapes.str(a.shape));
        }
        int n = a.shape[ra - 1];
        int batch = ra == 3 ? a.shape[0] : 1;
        int rb = b.shape.length;
        boolean ok;
        int r;
        if (ra == 2) {
            ok = (rb == 1 || rb == 2) && b.shape[0] == n;
            r = rb == 2 ? b.shape[1] : 1;
        } else {
            ok = (rb == 2 || rb == 3) && b.shape[0] == batch && b.shape[1] == n;
            r = rb == 3 ? b.shape[2] : 1;
        }
        if (!ok) {
            throw new ShapeMismatchException("solve: B " + Shapes.str(b.shape) + " does not match A " + Shapes.str(a.shape));
        }
        double[] lu = t.buffer(a.size);
        System.arraycopy(a.value, 0, lu, 0, a.size);
        int[] piv = new int[batch * n];
        double[] x = t.buffer(b.size);
        System.arraycopy(b.value, 0, x, 0, b.size);
        for (int p = 0; p < batch; p++) {
            SmallLu.factor(lu, p * n * n, n, piv, p * n, "solve: A" + (batch > 1 ? "[" + p + "]" : ""));
            SmallLu.solve(lu, p * n * n, n, piv, p * n, x, p * n * r, r);
        }
        return t.op(x, b.shape, a.requiresGrad || b.requiresGrad, out -> {
            double[] g = out.grad;
            double[] z = t.buffer(b.size);
            System.arraycopy(g, 0, z, 0, b.size);
            for (int p = 0; p < batch; p++) {
                SmallLu.solveTranspose(lu, p * n * n, n, piv, p * n, z, p * n * r, r);
            }
            if (b.requiresGrad) {
                double[] gb = b.grad();
                for (int i = 0; i < z.length; i++) {
                    gb[i] += z[i];
                }
            }
            if (a.requiresGrad) {
                double[] ga = a.grad();
                for (int p = 0; p < batch; p++) {
                    int ao = p * n * n;
                    int bo = p * n * r;
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            double s = 0;
                            for (int c = 0; c < r; c++) {
                                s += z[bo + i * r + c] * x[bo + j * r + c];
                            }
                            ga[ao + i * n + j] -= s;
                        }
                    }
                }
            }
        });
    }
}
