/**
 * numpy interop: {@code .npy} arrays ({@link io.github.attractor.data.npy.Npy}) and {@code .npz} archives
 * ({@link io.github.attractor.data.npy.Npz}), read strictly and written bit-exactly.
 */
package io.github.attractor.data.npy;
