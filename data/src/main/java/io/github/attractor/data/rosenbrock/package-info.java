/**
 * The generalised Rosenbrock function (4.23) and its Riemannian gradient dynamics (4.24) ({@link
 * io.github.attractor.data.rosenbrock.GeneralizedRosenbrock}, {@link
 * io.github.attractor.data.rosenbrock.RiemannianRosenbrockFlow}), the trajectory generator and the ELCD
 * reference-file loader ({@link io.github.attractor.data.rosenbrock.RosenbrockDatasets}).
 */
package io.github.attractor.data.rosenbrock;
