#!/usr/bin/env python3
"""Peer of ElcdBench: one training epoch of ELCD with a learned diffeomorphism (Section 4.5) in PyTorch.

Model (the same as io.github.attractor.learn.elcd.ElcdFlow): z = phi(x), latent ELCD
zdot = A(z)(z - z*), A = -Ps^T Ps + Pa - Pa^T - alpha I with Ps, Pa: Linear(d,16)-tanh-Linear(16,d*d), z* = phi(x*);
phi = Perm, LU-linear, RQ-spline coupling (10 bins, tail bound 10, conditioner MLP 1-30-30-(3K-1), tanh),
Perm, LU-linear, RQ-spline coupling (flipped), Perm, LU-linear. The training velocity xdot = D(phi^-1)(z) zdot is
the same central difference as ours, (phi^-1(z + eps zdot) - phi^-1(z - eps zdot)) / 2 eps with
eps = 1e-5 / max(1, |zdot|) per sample (torch 1.13 on Debian has no torch.func.jvp; functorch's jvp would be
an alternative). Loss: MSE; Adam lr 1e-3; batch 100; float64 as ours.
Data: synthetic 2-D, 7 demonstrations x 985 samples of xdot = [[-1, 2], [-2, -1]] x (the size of LASA Angle).
Prints one JSON line: the median epoch time over --repeats epochs after one warm-up epoch.
"""
import argparse
import json
import math
import sys
import time

import torch

sys.dont_write_bytecode = True


def data(demos=7, n=985, h=0.005):
    xs, vs = [], []
    for j in range(demos):
        a = math.cos(2 * math.pi * j / demos) * 3
        b = math.sin(2 * math.pi * j / demos) * 3
        t = torch.arange(n, dtype=torch.float64) * h
        e = torch.exp(-t)
        c, s = torch.cos(2 * t), torch.sin(2 * t)
        x = torch.stack([e * (a * c + b * s), e * (-a * s + b * c)], 1)
        v = torch.stack([-x[:, 0] + 2 * x[:, 1], -2 * x[:, 0] - x[:, 1]], 1)
        xs.append(x)
        vs.append(v)
    return torch.cat(xs), torch.cat(vs)


def rq_spline(x, w, h, dv, inverse, bound=10.0, mw=1e-3, mh=1e-3, md=1e-3):
    """Unconstrained rational-quadratic spline (Durkan et al.) with identity tails outside [-B, B]."""
    K = w.shape[-1]
    inside = (x >= -bound) & (x <= bound)
    w = torch.softmax(w, -1)
    w = mw + (1 - mw * K) * w
    cw = torch.nn.functional.pad(torch.cumsum(w, -1), (1, 0))
    cw = 2 * bound * cw - bound
    cw[..., 0], cw[..., -1] = -bound, bound
    w = cw[..., 1:] - cw[..., :-1]
    d = md + torch.nn.functional.softplus(dv)
    one = torch.ones_like(d[..., :1])
    d = torch.cat([one, d, one], -1)
    h = torch.softmax(h, -1)
    h = mh + (1 - mh * K) * h
    ch = torch.nn.functional.pad(torch.cumsum(h, -1), (1, 0))
    ch = 2 * bound * ch - bound
    ch[..., 0], ch[..., -1] = -bound, bound
    h = ch[..., 1:] - ch[..., :-1]
    xc = x.clamp(-bound, bound)
    locs = ch if inverse else cw
    idx = (torch.sum(xc[..., None] >= locs[..., :-1] + 0 * locs[..., :-1], -1) - 1).clamp(0, K - 1)[..., None]
    xk = cw.gather(-1, idx)[..., 0]
    wk = w.gather(-1, idx)[..., 0]
    yk = ch.gather(-1, idx)[..., 0]
    hk = h.gather(-1, idx)[..., 0]
    dk = d.gather(-1, idx)[..., 0]
    dk1 = d[..., 1:].gather(-1, idx)[..., 0]
    sk = hk / wk
    if not inverse:
        th = (xc - xk) / wk
        tt = th * (1 - th)
        y = yk + hk * (sk * th * th + dk * tt) / (sk + (dk1 + dk - 2 * sk) * tt)
    else:
        yy = xc - yk
        a = hk * (sk - dk) + yy * (dk1 + dk - 2 * sk)
        b = hk * dk - yy * (dk1 + dk - 2 * sk)
        c = -sk * yy
        disc = b * b - 4 * a * c
        th = (2 * c) / (-b - torch.sqrt(disc))
        y = th * wk + xk
    return torch.where(inside, y, x)


class LU(torch.nn.Module):
    def __init__(self, d):
        super().__init__()
        self.l = torch.nn.Parameter(torch.randn(d, d, dtype=torch.float64) * 0.1)
        self.u = torch.nn.Parameter(torch.randn(d, d, dtype=torch.float64) * 0.1)
        self.s = torch.nn.Parameter(torch.zeros(d, dtype=torch.float64))
        self.b = torch.nn.Parameter(torch.zeros(d, dtype=torch.float64))
        self.d = d

    def weight(self):
        eye = torch.eye(self.d, dtype=torch.float64)
        L = torch.tril(self.l, -1) + eye
        U = torch.triu(self.u, 1) + torch.diag(torch.exp(self.s))
        return L, U

    def forward(self, x):
        L, U = self.weight()
        return x @ (L @ U).T + self.b

    def inverse(self, y):
        L, U = self.weight()
        z = torch.linalg.solve_triangular(L, (y - self.b).T, upper=False, unitriangular=True)
        return torch.linalg.solve_triangular(U, z, upper=True).T


class Coupling(torch.nn.Module):
    def __init__(self, flip, K=10):
        super().__init__()
        self.flip, self.K = flip, K
        self.net = torch.nn.Sequential(torch.nn.Linear(1, 30), torch.nn.Tanh(), torch.nn.Linear(30, 30),
                                       torch.nn.Tanh(), torch.nn.Linear(30, 3 * K - 1)).double()
        torch.nn.init.zeros_(self.net[-1].weight)

    def run(self, x, inverse):
        c, t = (x[:, 1:], x[:, :1]) if self.flip else (x[:, :1], x[:, 1:])
        p = self.net(c)
        K = self.K
        y = rq_spline(t[:, 0], p[:, :K], p[:, K:2 * K], p[:, 2 * K:], inverse)[:, None]
        return torch.cat([y, c], 1) if self.flip else torch.cat([c, y], 1)


class Perm(torch.nn.Module):
    def __init__(self, perm):
        super().__init__()
        self.p = perm
        self.q = torch.argsort(perm)


class Flow(torch.nn.Module):
    def __init__(self, d, g):
        super().__init__()
        self.layers = torch.nn.ModuleList([Perm(torch.randperm(d, generator=g)), LU(d), Coupling(False),
                                           Perm(torch.randperm(d, generator=g)), LU(d), Coupling(True),
                                           Perm(torch.randperm(d, generator=g)), LU(d)])

    def forward(self, x):
        for m in self.layers:
            x = x[:, m.p] if isinstance(m, Perm) else (m.run(x, False) if isinstance(m, Coupling) else m(x))
        return x

    def inverse(self, y):
        for m in reversed(self.layers):
            y = y[:, m.q] if isinstance(m, Perm) else (m.run(y, True) if isinstance(m, Coupling) else m.inverse(y))
        return y


class ElcdFlow(torch.nn.Module):
    def __init__(self, d, hidden, alpha, xstar, g):
        super().__init__()
        self.d, self.alpha = d, alpha
        self.ps = torch.nn.Sequential(torch.nn.Linear(d, hidden), torch.nn.Tanh(), torch.nn.Linear(hidden, d * d)).double()
        self.pa = torch.nn.Sequential(torch.nn.Linear(d, hidden), torch.nn.Tanh(), torch.nn.Linear(hidden, d * d)).double()
        self.phi = Flow(d, g)
        self.xstar = xstar

    def forward(self, x):
        B, d = x.shape
        z = self.phi(x)
        zs = self.phi(self.xstar[None, :])
        S = self.ps(z).view(B, d, d)
        P = self.pa(z).view(B, d, d)
        A = P - P.transpose(1, 2) - S.transpose(1, 2) @ S - self.alpha * torch.eye(d, dtype=torch.float64)
        zd = (A @ (z - zs)[:, :, None])[:, :, 0]
        eps = (1e-5 / torch.clamp(zd.detach().norm(dim=1, keepdim=True), min=1.0))
        dz = zd * eps
        return (self.phi.inverse(z + dz) - self.phi.inverse(z - dz)) / (2 * eps)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    g = torch.Generator().manual_seed(a.seed)
    torch.manual_seed(a.seed)
    x, v = data()
    m = ElcdFlow(2, 16, 0.01, torch.zeros(2, dtype=torch.float64), g)
    opt = torch.optim.Adam(m.parameters(), lr=1e-3)
    n = x.shape[0]

    def epoch():
        perm = torch.randperm(n, generator=g)
        total, batches = 0.0, 0
        for i in range(0, n, 100):
            idx = perm[i:i + 100]
            opt.zero_grad()
            loss = ((m(x[idx]) - v[idx]) ** 2).mean()
            loss.backward()
            opt.step()
            total += loss.item()
            batches += 1
        return total / batches

    epoch()
    times, losses = [], []
    for _ in range(a.repeats):
        t0 = time.perf_counter()
        losses.append(epoch())
        times.append(time.perf_counter() - t0)
    times.sort()
    print(json.dumps({"epoch_ms": 1e3 * times[len(times) // 2], "samples": n, "threads": a.threads,
                      "torch": torch.__version__, "jvp": "central difference", "loss": losses[-1]}))


if __name__ == "__main__":
    main()
