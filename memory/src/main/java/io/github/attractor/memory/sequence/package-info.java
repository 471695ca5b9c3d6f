/**
 * The three-population sequence memory: the continuous system (1) with energy (2)
 * ({@link io.github.attractor.memory.sequence.SequenceMemory}), the discrete map (7)
 * ({@link io.github.attractor.memory.sequence.SequenceMap}) and its conjugate RNN (10)
 * ({@link io.github.attractor.memory.sequence.ConjugateRnn}), transition matrices
 * ({@link io.github.attractor.memory.sequence.Transitions}) and the energy-monotonicity measure
 * ({@link io.github.attractor.memory.sequence.EnergyMonotonicity}). Equation numbers refer to the note
 * "System — derivation from continuous time dynamics" (seed 004).
 */
package io.github.attractor.memory.sequence;
