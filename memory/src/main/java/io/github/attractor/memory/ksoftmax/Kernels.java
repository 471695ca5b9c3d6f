package io.github.attractor.memory.ksoftmax;

/**
 * Whether the SIMD kernels of {@link VectorKernels} run: the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (as {@code ./attractor}, the tests and the benchmarks do) and the
 * system property {@code attractor.scalar} is not set. Otherwise the scalar loops of {@link SsmSolver} run
 * (same results up to the order of summation).
 */
final class Kernels {
    static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("attractor.scalar");

    /** Rows shorter than this stay on the scalar loops. */
    static final int MIN_LENGTH = 16;

    private Kernels() {
    }
}
