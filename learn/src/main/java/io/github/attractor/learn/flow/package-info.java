/**
 * Invertible layers with inverse and log-determinant (normalising-flow building blocks): permutations,
 * LU-parametrised linear layers, affine and rational-quadratic spline couplings, their composition and
 * reverse-mode Jacobians.
 */
package io.github.attractor.learn.flow;
