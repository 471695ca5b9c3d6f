#!/usr/bin/env python3
"""Peer of SweepBench: 10,000 random Krotov-Hopfield networks with N = 20 (W symmetric, ||W||_2 = 0.9,
b and y0 standard normal), each integrated over t in [0, 50] by scipy.integrate.solve_ivp (RK45,
rtol = atol = 1e-8) with a numpy right-hand side, one after the other on one core.

Integrating all 10,000 takes over half a minute, so by default only the first --subset networks (the
same networks the Java side integrates first) are timed, --rounds times (median), and the total is
EXTRAPOLATED as (time per network) x 10,000; the JSON says so ("extrapolated": true,
"measured_networks"). --subset 10000 --rounds 1 measures everything. Prints one JSON line.
"""
import argparse
import sys
import time

import numpy as np
from scipy.integrate import solve_ivp
from scipy.special import expit

sys.dont_write_bytecode = True  # keep bench/python free of __pycache__
import peer_common as pc  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--count", type=int, default=10000, help="networks in the sweep")
    ap.add_argument("--subset", type=int, default=300, help="networks actually timed (the first ones)")
    ap.add_argument("--rounds", type=int, default=3, help="timed passes over the subset (the median is used)")
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--t1", type=float, default=50.0)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--tol", type=float, default=1e-8)
    args = ap.parse_args()
    m = min(args.subset, args.count)

    seeds = pc.sweep_seeds(args.seed, args.count)[:m]
    problems = [pc.krotov_problem(args.n, s) for s in seeds]  # generation is not timed

    def solve(w, b, y0):
        def rhs(t, y):
            return w @ expit(y) - y + b
        return solve_ivp(rhs, (0.0, args.t1), y0, method="RK45", rtol=args.tol, atol=args.tol)

    for w, b, y0 in problems[: min(20, m)]:  # warm-up
        solve(w, b, y0)

    rounds = []
    for _ in range(max(1, args.rounds)):
        steps = 0
        nfev = 0
        checksum = 0.0
        t_start = time.perf_counter()
        for w, b, y0 in problems:
            sol = solve(w, b, y0)
            if not sol.success:
                raise SystemExit("solve_ivp failed: " + sol.message)
            steps += len(sol.t) - 1
            nfev += sol.nfev
            checksum += float(sol.y[:, -1].sum())
        rounds.append(time.perf_counter() - t_start)
    measured = float(np.median(rounds))

    per = measured / m
    res = {
        "name": "sweep",
        "networks": args.count,
        "measured_networks": m,
        "n": args.n,
        "t1": args.t1,
        "seed": args.seed,
        "tolerance": args.tol,
        "method": "scipy.integrate.solve_ivp RK45, sequential",
        "seconds": per * args.count,
        "extrapolated": m < args.count,
        "measured_seconds": measured,
        "rounds_seconds": rounds,
        "seconds_per_network": per,
        "steps": steps,
        "nfev": nfev,
        "steps_per_network": steps / m,
        "nfev_per_network": nfev / m,
        "checksum": checksum,
    }
    res.update(pc.environment())
    pc.emit(res)


if __name__ == "__main__":
    main()
