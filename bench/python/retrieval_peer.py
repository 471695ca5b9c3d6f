#!/usr/bin/env python3
"""Peer of the memory-retrieval benchmarks (SgemmBench, and the retrieval benchmarks built on Sgemm):
N = 50,000 stored patterns xi (N x d, d = 784, float32), a batch of B = 256 queries q (B x d), 2 threads.
Prints one JSON line. Every time is the median of --repeats calls after one warm-up call.

Parts (--parts, default all):
  gemm      the two GEMMs of a modern Hopfield update, by numpy (OpenBLAS sgemm) and by torch:
            scores S = q @ xi.T (B x N) and read-out P @ xi (B x d), where P = softmax(beta * S) row-wise
            (float32, from torch). Both write into preallocated outputs (np.matmul(..., out=),
            torch.mm(..., out=)), as the Java kernel does; GFLOPS = 2 B N d / seconds.
  update    one modern Hopfield update, exactly torch.softmax(beta * Q @ Xi.T, dim=1) @ Xi
            (beta = 1/sqrt(d) unless --beta), allocations included.
  ksoftmax  k-softmax, k = 8, of the scores s = beta * q @ xi.T (given, not timed): for each row and each
            i = 1..k the shift nu_i with sum_j sigmoid(s_j + nu_i) = i, found by bisection in float32,
            vectorised over the B rows: bracket [logit(i/N) - max_j s_j, logit(i/N) - min_j s_j] (at its ends
            the sum is <= i and >= i), halved until |sum - i| <= 1e-6 * i or the bracket has collapsed to
            adjacent floats (float32 resolution of nu; the worst residual is reported); then the columns
            ssm_i - ssm_{i-1} with ssm_i = sigmoid(s + nu_i), ssm_0 = 0: an output of B x k x N floats.
  topk      hardened top-k (k = 8) by inner product: faiss.IndexFlatIP(d), add(xi) once (timed separately),
            then search(q, 8); also torch.topk(q @ xi.T, 8) for information. recall_at_1 is the fraction of
            queries whose best match is the pattern they were made from.

Data (bench/python/peer_common.retrieval_problem, Java: io.github.attractor.bench.Problems.retrieval*):
unit floats (top 24 bits of SplitMix64 words times 2^-24) for xi from --pattern-seed; each query is a
randomly chosen pattern averaged with fresh unit floats, from --query-seed. Checksums (float64 sums of the
outputs, first entries) let the Java side check that it computed the same thing.

Threads: torch.set_num_threads(T), faiss.omp_set_num_threads(T), and OpenBLAS (numpy, and torch's
generic BLAS) with its default of one thread per core; T = --threads = 2 on the benchmark machine.
"""
import argparse
import math
import sys
import time

import numpy as np

sys.dont_write_bytecode = True  # keep bench/python free of __pycache__
import peer_common as pc  # noqa: E402

PARTS = ("gemm", "update", "ksoftmax", "topk")


def timed(fn, repeats):
    """(median seconds, samples, last result) of `repeats` calls after one warm-up call."""
    result = fn()
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - t0)
    return float(np.median(samples)), samples, result


def checksum(a):
    return float(np.asarray(a, dtype=np.float64).sum())


def head(a, count=4):
    return [float(v) for v in np.asarray(a).reshape(-1)[:count]]


def ksoftmax(torch, s, k, tol=1e-6, max_iter=64):
    """(out, nu, iterations, worst relative residual): see the module docstring.

    out[b, i - 1, :] = ssm_i - ssm_{i-1} (B x k x N). The B x N work buffer is reused (in-place add,
    sigmoid and row sums), so an iteration allocates nothing of that size.
    """
    rows, n = s.shape
    s_max = s.max(dim=1).values
    s_min = s.min(dim=1).values
    out = torch.empty((rows, k, n), dtype=s.dtype)
    nu = torch.empty((rows, k), dtype=s.dtype)
    work = torch.empty_like(s)
    total = torch.empty(rows, dtype=s.dtype)
    iterations = 0
    worst = 0.0
    for i in range(1, k + 1):
        shift = math.log(i / (n - i))  # logit(i / n)
        lo = shift - s_max  # every sigmoid <= i/n: sum <= i
        hi = shift - s_min  # every sigmoid >= i/n: sum >= i
        found = torch.zeros(rows, dtype=torch.bool)
        best = (lo + hi) * 0.5
        residual = torch.full((rows,), float("inf"), dtype=s.dtype)
        for _ in range(max_iter):
            mid = (lo + hi) * 0.5
            torch.add(s, mid[:, None], out=work)
            torch.sigmoid_(work)
            torch.sum(work, dim=1, out=total)
            err = total - i
            iterations += 1
            active = ~found
            best = torch.where(active, mid, best)
            residual = torch.where(active, err.abs(), residual)
            collapsed = (mid <= lo) | (mid >= hi)  # lo and hi are adjacent floats
            found = found | (err.abs() <= tol * i) | collapsed
            if bool(found.all()):
                break
            lo = torch.where(err < 0, mid, lo)
            hi = torch.where(err > 0, mid, hi)
        worst = max(worst, float(residual.max()) / i)
        nu[:, i - 1] = best
        column = out[:, i - 1, :]
        torch.add(s, best[:, None], out=column)
        torch.sigmoid_(column)
    for i in range(k, 1, -1):  # ssm_i - ssm_{i-1}, from the last column down
        out[:, i - 1, :] -= out[:, i - 2, :]
    return out, nu, iterations, worst


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--patterns", type=int, default=50_000, help="N, stored patterns")
    ap.add_argument("--dim", type=int, default=784, help="d")
    ap.add_argument("--batch", type=int, default=256, help="B, queries per call")
    ap.add_argument("--pattern-seed", type=int, default=11)
    ap.add_argument("--query-seed", type=int, default=12)
    ap.add_argument("--beta", type=float, default=None, help="inverse temperature (default 1/sqrt(d))")
    ap.add_argument("--k", type=int, default=8, help="k of the k-softmax and of the top-k")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=7, help="timed calls per measurement (median reported)")
    ap.add_argument("--ksoftmax-repeats", type=int, default=3)
    ap.add_argument("--parts", default=",".join(PARTS), help="comma-separated subset of " + ", ".join(PARTS))
    args = ap.parse_args()
    parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    for p in parts:
        if p not in PARTS:
            ap.error("unknown part '%s' (known: %s)" % (p, ", ".join(PARTS)))

    import torch
    torch.set_num_threads(args.threads)
    faiss = None
    if "topk" in parts:
        import faiss as faiss_module
        faiss = faiss_module
        faiss.omp_set_num_threads(args.threads)

    n, d, b, k = args.patterns, args.dim, args.batch, args.k
    beta = args.beta if args.beta is not None else 1.0 / math.sqrt(d)
    t0 = time.perf_counter()
    xi, q, sources = pc.retrieval_problem(n, d, b, args.pattern_seed, args.query_seed)
    generate_s = time.perf_counter() - t0
    txi = torch.from_numpy(xi)
    tq = torch.from_numpy(q)
    flops = 2.0 * b * n * d

    res = {
        "name": "retrieval",
        "patterns": n, "dim": d, "batch": b, "beta": beta, "k": k,
        "pattern_seed": args.pattern_seed, "query_seed": args.query_seed,
        "threads": args.threads, "torch_threads": torch.get_num_threads(),
        "repeats": args.repeats, "parts": parts,
        "data_checksums": {"patterns": checksum(xi), "queries": checksum(q), "sources_head": [int(v) for v in sources[:4]]},
        "generate_seconds": generate_s,
        "extrapolated": False,
    }

    # The scores and the softmax weights, used by several parts (computed once, untimed).
    scores = torch.mm(tq, txi.T)
    weights = torch.softmax(beta * scores, dim=1)

    if "gemm" in parts:
        s_np = np.empty((b, n), dtype=np.float32)
        r_np = np.empty((b, d), dtype=np.float32)
        p_np = weights.numpy()
        s_t = torch.empty((b, n), dtype=torch.float32)
        r_t = torch.empty((b, d), dtype=torch.float32)
        gemm = {"flops": flops}
        for label, fn, out in (
                ("scores_numpy", lambda: np.matmul(q, xi.T, out=s_np), s_np),
                ("scores_torch", lambda: torch.mm(tq, txi.T, out=s_t), s_t),
                ("readout_numpy", lambda: np.matmul(p_np, xi, out=r_np), r_np),
                ("readout_torch", lambda: torch.mm(weights, txi, out=r_t), r_t)):
            sec, samples, _ = timed(fn, args.repeats)
            arr = out if isinstance(out, np.ndarray) else out.numpy()
            gemm[label] = {"seconds": sec, "gflops": flops / sec * 1e-9, "samples": samples,
                           "checksum": checksum(arr), "head": head(arr)}
        gemm["expression"] = {"scores": "q @ xi.T (B x d times d x N)", "readout": "P @ xi, P = softmax(beta q xi^T)"}
        res["gemm"] = gemm

    if "update" in parts:
        sec, samples, out = timed(lambda: torch.softmax(beta * tq @ txi.T, dim=1) @ txi, args.repeats)
        res["update"] = {"seconds": sec, "samples": samples, "queries_per_second": b / sec,
                         "gflops": 2 * flops / sec * 1e-9, "checksum": checksum(out.numpy()),
                         "head": head(out.numpy()),
                         "expression": "torch.softmax(beta * Q @ Xi.T, dim=1) @ Xi"}
        res["seconds"] = sec
        res["queries_per_second"] = b / sec

    if "ksoftmax" in parts:
        s = beta * scores
        box = {}

        def run():
            box["r"] = ksoftmax(torch, s, k)
            return box["r"][0]

        sec, samples, _ = timed(run, args.ksoftmax_repeats)
        out, nu, iterations, worst = box["r"]
        res["ksoftmax"] = {"seconds": sec, "samples": samples, "queries_per_second": b / sec,
                           "k": k, "tolerance": 1e-6, "bisection_iterations": iterations,
                           "worst_relative_residual": worst,
                           "nu_checksum": checksum(nu.numpy()), "nu_head": head(nu.numpy()[0], k),
                           "column_sums_head": head(out[0].sum(dim=1).numpy(), k),
                           "scores": "beta * q @ xi.T, given (not timed)"}

    if "topk" in parts:
        index = faiss.IndexFlatIP(d)
        t0 = time.perf_counter()
        index.add(xi)
        add_s = time.perf_counter() - t0
        sec, samples, (dist, ids) = timed(lambda: index.search(q, k), args.repeats)
        tsec, tsamples, (tvals, tids) = timed(lambda: torch.topk(torch.mm(tq, txi.T), k, dim=1), args.repeats)
        res["topk"] = {"seconds": sec, "samples": samples, "queries_per_second": b / sec, "k": k,
                       "faiss_add_seconds": add_s, "faiss_version": getattr(faiss, "__version__", None),
                       "recall_at_1": float(np.mean(ids[:, 0] == sources)),
                       "index_head": [int(v) for v in ids[0]], "index_checksum": int(ids.sum()),
                       "score_checksum": checksum(dist), "score_head": head(dist[0], k),
                       "torch_topk_seconds": tsec, "torch_topk_samples": tsamples,
                       "torch_agrees_with_faiss": float(np.mean(tids.numpy() == ids))}

    res.update(pc.environment())
    res["torch"] = torch.__version__
    pc.emit(res)


if __name__ == "__main__":
    main()
