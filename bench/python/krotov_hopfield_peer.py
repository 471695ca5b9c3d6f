#!/usr/bin/env python3
"""Peer of KrotovHopfieldBench: one Krotov-Hopfield network dy/dt = W sigmoid(y) - y + b, N = 1000,
W random symmetric with ||W||_2 = 0.9, integrated over t in [0, 200] by scipy.integrate.solve_ivp
(RK45, rtol = atol = 1e-8) with a numpy right-hand side. Prints one JSON line.

Also times numpy's own dense mat-vec W @ x (1000 x 1000, and 20 x 20), median of many calls.
"""
import argparse
import sys
import time

import numpy as np
from scipy.integrate import solve_ivp
from scipy.special import expit

sys.dont_write_bytecode = True  # keep bench/python free of __pycache__
import peer_common as pc  # noqa: E402


def matvec_seconds(w, x, reps):
    out = np.empty(w.shape[0])
    for _ in range(min(reps, 200)):  # warm up
        np.matmul(w, x, out=out)
    samples = []
    block = max(1, reps // 50)
    for _ in range(50):
        t0 = time.perf_counter()
        for _ in range(block):
            w @ x
        samples.append((time.perf_counter() - t0) / block)
    return float(np.median(samples))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--t1", type=float, default=200.0)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--tol", type=float, default=1e-8)
    ap.add_argument("--repeats", type=int, default=7, help="timed integrations (the median is reported)")
    args = ap.parse_args()

    w, b, y0 = pc.krotov_problem(args.n, args.seed)
    w = np.ascontiguousarray(w)

    def rhs(t, y):
        return w @ expit(y) - y + b

    samples = []
    sol = None
    solve_ivp(rhs, (0.0, args.t1), y0, method="RK45", rtol=args.tol, atol=args.tol)  # warm-up
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        sol = solve_ivp(rhs, (0.0, args.t1), y0, method="RK45", rtol=args.tol, atol=args.tol)
        samples.append(time.perf_counter() - t0)
    if not sol.success:
        raise SystemExit("solve_ivp failed: " + sol.message)

    rng = np.random.default_rng(1)
    x = rng.standard_normal(args.n)
    mv = matvec_seconds(w, x, 20000)
    w20, _, _ = pc.krotov_problem(20, args.seed)
    mv20 = matvec_seconds(np.ascontiguousarray(w20), rng.standard_normal(20), 200000)
    # cost of one right-hand side (mat-vec + expit + axpy), the unit of work of the integrator
    g = rhs(0.0, y0)
    t0 = time.perf_counter()
    for _ in range(2000):
        g = rhs(0.0, y0)
    rhs_s = (time.perf_counter() - t0) / 2000

    yf = sol.y[:, -1]
    res = {
        "name": "krotov_hopfield",
        "n": args.n,
        "t1": args.t1,
        "seed": args.seed,
        "tolerance": args.tol,
        "method": "scipy.integrate.solve_ivp RK45",
        "seconds": float(np.median(samples)),
        "samples": samples,
        "steps": int(len(sol.t) - 1),
        "nfev": int(sol.nfev),
        "final_residual": float(np.linalg.norm(rhs(0.0, yf))),
        "final_state_head": [float(v) for v in yf[:4]],
        "matvec_seconds": mv,
        "matvec20_seconds": mv20,
        "rhs_seconds": rhs_s,
        "extrapolated": False,
    }
    res.update(pc.environment())
    pc.emit(res)


if __name__ == "__main__":
    main()
