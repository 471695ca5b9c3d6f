/** N-dimensional arrays of doubles as they come out of array files ({@link io.github.attractor.data.array.NdArray}). */
package io.github.attractor.data.array;
