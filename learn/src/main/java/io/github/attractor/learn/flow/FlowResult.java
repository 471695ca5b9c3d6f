package io.github.attractor.learn.flow;

import io.github.attractor.learn.tape.Node;

/**
 * The output {@code y = φ(x)} of an invertible layer for a batch {@code [B, d]}, and
 * {@code log|det Dφ(x)|} per sample, shape {@code [B]} (for an inverse pass, the log-determinant of the inverse
 * map, {@code −log|det Dφ(x)|}).
 */
public record FlowResult(Node output, Node logDet) {
}
