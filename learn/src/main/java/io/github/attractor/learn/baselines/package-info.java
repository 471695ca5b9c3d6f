/**
 * Baseline learned stable dynamical systems of issue 6 §2, each a {@link io.github.attractor.learn.dynamics.LearnedDynamics}:
 * Stable Deep Dynamics ({@link io.github.attractor.learn.baselines.StableDeepDynamics}, equation 4.19). Input
 * derivatives needed inside training losses are written in closed form as ordinary tape ops, so the reverse-mode
 * tape differentiates them again in θ without a double backward.
 */
package io.github.attractor.learn.baselines;
