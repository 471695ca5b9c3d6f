/** Differentiable layers on the tape: {@link io.github.attractor.learn.nn.Linear}, {@link io.github.attractor.learn.nn.Mlp}, activations and seeded initialisation. */
package io.github.attractor.learn.nn;
