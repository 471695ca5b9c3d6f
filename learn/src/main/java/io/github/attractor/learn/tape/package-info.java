/**
 * Reverse-mode automatic differentiation over dense row-major {@code double[]} arrays of rank 0–3: the
 * {@link io.github.attractor.learn.tape.Tape}, its {@link io.github.attractor.learn.tape.Node}s and
 * {@link io.github.attractor.learn.tape.Parameter}s, the operation library
 * {@link io.github.attractor.learn.tape.Ops}, and the matrix kernels behind it. Custom operations (implicit
 * layers with adjoint backward passes) plug in through {@link io.github.attractor.learn.tape.Tape#custom}.
 */
package io.github.attractor.learn.tape;
