/**
 * IDX files, the format of MNIST ({@link io.github.attractor.data.idx.Idx}): plain or gzip-compressed, all six
 * value types, validated on read.
 */
package io.github.attractor.data.idx;
