/**
 * The LASA handwriting motions from their MAT v5 files ({@link io.github.attractor.data.lasa.Lasa}): 2-D
 * datasets and 4-D / 8-D stacks, prepared as in the ELCD experiments.
 */
package io.github.attractor.data.lasa;
