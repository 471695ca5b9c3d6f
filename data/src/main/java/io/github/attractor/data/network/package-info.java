/**
 * The file forms of a recurrent network {@code dy/dt = W g(y) - y + b}: JSON, npz, npy and CSV
 * ({@link io.github.attractor.data.network.NetworkFile}, {@link io.github.attractor.data.network.NetworkSpec}).
 */
package io.github.attractor.data.network;
