"""Shared helpers of the Python peer scripts (Debian's python3 with python3-numpy / python3-scipy).

The problems are generated from the same seeds as the Java side, with the same generator:
SplitMix64 (Steele, Lea & Flood 2014) for 64-bit words, doubles from the top 53 bits, and standard
normals by the basic Box-Muller transform (two uniforms per normal, cosine branch only). The Java
twin is io.github.attractor.bench.SplitMix64, fed to RandomMatrices.symmetricWithSpectralNorm, which
fills the GOE matrix in the order reproduced by goe() below. Both sides therefore integrate the same
networks (up to the last-ulp differences of log/cos/sqrt/SVD between the JVM and numpy).
"""
import json
import platform
import sys

import numpy as np
import scipy

MASK64 = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15
TWO_PI = 2.0 * np.pi


def _mix(z):
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


class SplitMix64:
    """Vectorised SplitMix64: word k (k = 1, 2, ...) is mix(seed + k * GOLDEN) mod 2^64."""

    def __init__(self, seed):
        self.state = seed & MASK64

    def longs(self, m):
        with np.errstate(over="ignore"):
            k = np.arange(1, m + 1, dtype=np.uint64)
            z = np.uint64(self.state) + k * np.uint64(GOLDEN)
            out = _mix(z)
        self.state = (self.state + m * GOLDEN) & MASK64
        return out

    def doubles(self, m):
        return (self.longs(m) >> np.uint64(11)).astype(np.float64) * 2.0 ** -53

    def gaussians(self, m):
        u = self.doubles(2 * m)
        u1, u2 = u[0::2], u[1::2]
        return np.sqrt(-2.0 * np.log(1.0 - u1)) * np.cos(TWO_PI * u2)


def goe(n, rng):
    """Same fill order as RandomMatrices.goe: row i takes sqrt(2)*z for W_ii, then z for W_ij = W_ji, j > i."""
    z = rng.gaussians(n * (n + 1) // 2)
    rows, cols = np.triu_indices(n)  # row-major upper triangle incl. diagonal: (0,0),(0,1),...,(1,1),...
    w = np.empty((n, n))
    vals = np.where(rows == cols, np.sqrt(2.0) * z, z)
    w[rows, cols] = vals
    w[cols, rows] = vals
    return w


def symmetric_with_spectral_norm(n, norm, rng):
    w = goe(n, rng)
    return w * (norm / np.linalg.norm(w, 2))


def krotov_problem(n, seed, norm=0.9):
    """(W, b, y0): W symmetric GOE rescaled to ||W||_2 = norm, b and y0 standard normal, from one stream."""
    rng = SplitMix64(seed)
    w = symmetric_with_spectral_norm(n, norm, rng)
    b = rng.gaussians(n)
    y0 = rng.gaussians(n)
    return w, b, y0


def sweep_seeds(seed, count):
    """Seed of network k = word k+1 of a master SplitMix64(seed), (Java reads the same 64 bits as a signed long)."""
    return [int(x) for x in SplitMix64(seed).longs(count)]


def unit_floats(rng, count, chunk=1 << 22):
    """float32 uniforms in [0, 1): the top 24 bits of each word times 2^-24 (exact in float32).

    Java: (word >>> 40) * 0x1.0p-24f (io.github.attractor.bench.Problems.unitFloat). Generated in chunks
    so that the uint64 temporaries of a 39-million-word draw stay small.
    """
    out = np.empty(count, dtype=np.float32)
    for start in range(0, count, chunk):
        m = min(chunk, count - start)
        out[start:start + m] = (rng.longs(m) >> np.uint64(40)).astype(np.float32) * np.float32(2.0 ** -24)
    return out


def retrieval_problem(n, d, batch, pattern_seed, query_seed):
    """(xi, q, sources): the memory-retrieval benchmark's data, as Problems.retrieval* builds it in Java.

    xi: n x d float32 patterns, row-major, from SplitMix64(pattern_seed): word t (t = 1, 2, ...) gives
        entry t - 1 as unit_floats does.
    q: batch x d float32 queries from SplitMix64(query_seed): the first `batch` words pick the source
       pattern of each query, sources[i] = word mod n (the word read as unsigned 64 bits); the next batch * d
       words are unit floats u, row-major, and q[i, j] = (xi[sources[i], j] + u[i, j]) * 0.5 in float32
       arithmetic (one rounded addition, then an exact halving): a pattern half-covered by noise.
    """
    xi = unit_floats(SplitMix64(pattern_seed), n * d).reshape(n, d)
    rng = SplitMix64(query_seed)
    sources = (rng.longs(batch) % np.uint64(n)).astype(np.int64)
    u = unit_floats(rng, batch * d).reshape(batch, d)
    q = (xi[sources] + u) * np.float32(0.5)
    return xi, q, sources


def environment():
    info = {"python": platform.python_version(), "executable": sys.executable,
            "numpy": np.__version__, "scipy": scipy.__version__}
    try:
        from threadpoolctl import threadpool_info  # optional
        info["blas"] = [{k: d.get(k) for k in ("internal_api", "num_threads", "version")} for d in threadpool_info()]
    except Exception:
        pass
    return info


def emit(result):
    print(json.dumps(result), flush=True)
