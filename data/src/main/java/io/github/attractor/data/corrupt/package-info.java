/**
 * Corrupted cues for retrieval experiments ({@link io.github.attractor.data.corrupt.Corruptions}): occlusion,
 * Gaussian noise, random masks, exact-count sign flips; seeded and copy-on-write.
 */
package io.github.attractor.data.corrupt;
