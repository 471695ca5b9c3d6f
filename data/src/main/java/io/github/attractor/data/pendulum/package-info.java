/**
 * The damped n-link pendulum: the Lagrangian equations of motion ({@link
 * io.github.attractor.data.pendulum.NLinkPendulum}), its parameters, simulated datasets and the ELCD
 * reference files ({@link io.github.attractor.data.pendulum.PendulumDatasets}).
 */
package io.github.attractor.data.pendulum;
