/**
 * Baseline learned stable dynamical systems of issue 6 §2, each a {@link io.github.attractor.learn.dynamics.LearnedDynamics}:
 * Stable Deep Dynamics ({@link io.github.attractor.learn.baselines.StableDeepDynamics}, equation 4.19), Neural
 * Contractive Dynamical Systems ({@link io.github.attractor.learn.baselines.NeuralContractiveDynamics}, 4.20–4.21)
 * and Euclideanizing Flows ({@link io.github.attractor.learn.baselines.EuclideanizingFlow}, 4.18). Input
 * derivatives needed inside training losses are written in closed form as ordinary tape ops, so the reverse-mode
 * tape differentiates them again in θ without a double backward.
 */
package io.github.attractor.learn.baselines;
