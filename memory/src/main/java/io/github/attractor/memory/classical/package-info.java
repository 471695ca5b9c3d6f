/**
 * The classical associative memories: the binary Hopfield network with Hebbian weights
 * ({@link io.github.attractor.memory.classical.BinaryHopfield}), the dense associative memory of Krotov and
 * Hopfield ({@link io.github.attractor.memory.classical.DenseAssociativeMemory}) and the graded-response
 * network as a Krotov–Hopfield model ({@link io.github.attractor.memory.classical.GradedResponse}).
 */
package io.github.attractor.memory.classical;
