#!/usr/bin/env python3
"""Peer of ContractionBench (issue 5): Theorem-1 contraction checks of sparse 16x16 modules with numpy.

Theorem 1 (Kozachkov et al., "Recursive construction of stable assemblies of recurrent neural networks"):
tau dx/dt = -x + W phi(x) + u with slopes of phi in [0, g] is contracting in a diagonal metric when the
Metzler matrix  A = g|W| - I  (the diagonal of |W| zeroed where W_ii <= 0) is Hurwitz. The numpy check is
the plain one, `numpy.linalg.eigvals(A).real.max() < 0`, in a Python loop over the modules: exactly what a
researcher would write.

The modules come from the Java side, so that both check the same matrices: --modules FILE.npy holds a
K x n x n float64 array (bench/run writes it). Prints one JSON line: seconds for all K checks (median of
--repeats runs after one warm-up run), checks per second, and the number accepted (to compare with ours).
"""
import argparse
import sys
import time

import numpy as np

sys.dont_write_bytecode = True  # keep bench/python free of __pycache__
import peer_common as pc  # noqa: E402


def accepted(modules, gain):
    n = modules.shape[1]
    eye = np.eye(n)
    count = 0
    for w in modules:
        a = gain * np.abs(w)
        diag = np.diagonal(w)
        a[np.diag_indices(n)] = np.where(diag > 0, a[np.diag_indices(n)], 0.0)
        a -= eye
        if np.linalg.eigvals(a).real.max() < 0:
            count += 1
    return count


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--modules", required=True, help="K x n x n float64 .npy of weight matrices")
    ap.add_argument("--gain", type=float, default=1.0, help="slope bound g of phi (default 1)")
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    modules = np.load(args.modules)
    if modules.ndim != 3 or modules.shape[1] != modules.shape[2]:
        ap.error("--modules: expected a K x n x n array, got shape %s" % (modules.shape,))
    count = accepted(modules, args.gain)  # warm-up
    samples = []
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        count = accepted(modules, args.gain)
        samples.append(time.perf_counter() - t0)
    seconds = float(np.median(samples))
    res = {"name": "theorem1", "modules": int(modules.shape[0]), "units": int(modules.shape[1]),
           "gain": args.gain, "accepted": count, "seconds": seconds, "samples": samples,
           "checks_per_second": modules.shape[0] / seconds,
           "expression": "np.linalg.eigvals(g*|W| - I).real.max() < 0, one module at a time"}
    res.update(pc.environment())
    pc.emit(res)


if __name__ == "__main__":
    main()
