/**
 * ELCD (4.10)–(4.11): learned contracting dynamics {@code ẋ = A(x)(x − x*)} with symmetric part of A at most
 * {@code −αI}; MSE training on (state, velocity) pairs ({@link io.github.attractor.learn.elcd.ElcdTrainer}), RK4
 * rollouts and the DTWD metric of Section 4.5.1 ({@link io.github.attractor.learn.elcd.Dtwd}).
 */
package io.github.attractor.learn.elcd;
