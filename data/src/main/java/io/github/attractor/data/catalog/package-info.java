/**
 * Trajectory datasets by name ({@link io.github.attractor.data.catalog.TrajectoryCatalog}): LASA motions and
 * stacks, pendulum and Rosenbrock reference files or simulations, and {@code .npz} files.
 */
package io.github.attractor.data.catalog;
