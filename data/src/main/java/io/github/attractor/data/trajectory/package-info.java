/**
 * Trajectory datasets for learning dynamical systems from demonstrations: {@link
 * io.github.attractor.data.trajectory.Demonstration} (times, states, velocities), {@link
 * io.github.attractor.data.trajectory.TrajectoryDataset} (demonstrations plus the equilibrium, with
 * standardisation and stacking along the feature axis), {@link
 * io.github.attractor.data.trajectory.Standardization} (the per-feature affine map, kept so results can be
 * mapped back), and the generic {@code .npz} reader/writer {@link
 * io.github.attractor.data.trajectory.TrajectoryNpz}. The sources live beside it: {@code data.lasa},
 * {@code data.pendulum}, {@code data.rosenbrock}.
 */
package io.github.attractor.data.trajectory;
