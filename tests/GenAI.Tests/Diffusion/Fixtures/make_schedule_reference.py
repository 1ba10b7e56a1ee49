#!/usr/bin/python3
"""Reference values for NoiseSchedule, written from the papers' formulas with PyTorch 1.13 in float64.

Linear schedule: Ho, Jain and Abbeel (2020), beta_t linear from 1e-4 to 0.02 (T = 1000), and the
1000/T-scaled version of Nichol and Dhariwal (2021) for T = 50. Cosine schedule: Nichol and Dhariwal
(2021), eq. 17: alphaBar_t = f(t)/f(0), f(t) = cos^2((t/T + s)/(1 + s) * pi/2), s = 0.008,
beta_t = min(1 - alphaBar_t/alphaBar_{t-1}, 0.999).
Posterior q(x_{t-1} | x_t, x_0) (DDPM eq. 6-7):
  mean = sqrt(alphaBar_{t-1}) beta_t / (1 - alphaBar_t) x_0 + sqrt(alpha_t)(1 - alphaBar_{t-1})/(1 - alphaBar_t) x_t
  variance = (1 - alphaBar_{t-1})/(1 - alphaBar_t) beta_t, with alphaBar_0 = 1 before the first step.
Steps are indexed 0 .. T-1 (index i is the papers' t = i + 1).

Run with Debian's python3-torch from the repository root (writes schedule_reference.json beside this script):
    /usr/bin/python3 tests/GenAI.Tests/Diffusion/Fixtures/make_schedule_reference.py
"""
import json
import math
import os

import torch

D = torch.float64


def linear(T, start=1e-4, end=0.02):
    return torch.linspace(start, end, T, dtype=D)


def cosine(T, s=0.008):
    t = torch.arange(T + 1, dtype=D)
    f = torch.cos((t / T + s) / (1 + s) * math.pi / 2) ** 2
    alpha_bar = f / f[0]
    return torch.clamp(1 - alpha_bar[1:] / alpha_bar[:-1], max=0.999)


def describe(betas):
    alphas = 1 - betas
    alpha_bars = torch.cumprod(alphas, 0)
    prev = torch.cat([torch.ones(1, dtype=D), alpha_bars[:-1]])
    return {
        "betas": betas.tolist(),
        "alphas": alphas.tolist(),
        "alpha_bars": alpha_bars.tolist(),
        "posterior_variance": ((1 - prev) / (1 - alpha_bars) * betas).tolist(),
        "posterior_mean_coef_x0": (torch.sqrt(prev) * betas / (1 - alpha_bars)).tolist(),
        "posterior_mean_coef_xt": (torch.sqrt(alphas) * (1 - prev) / (1 - alpha_bars)).tolist(),
    }


# A worked jump and posterior mean: three "images" of four pixels, at steps 0, 5 and 9 of the cosine schedule, T = 10
x0 = torch.tensor([[0.5, -1.0, 0.25, 1.0], [0.0, 0.3, -0.7, 0.9], [-0.2, 0.4, 0.6, -0.8]], dtype=D)
noise = torch.tensor([[1.0, 0.5, -0.3, 0.2], [-1.2, 0.7, 0.1, 0.0], [0.4, -0.6, 1.5, -0.9]], dtype=D)
steps = torch.tensor([0, 5, 9])
c10 = describe(cosine(10))
ab = torch.tensor(c10["alpha_bars"], dtype=D)[steps][:, None]
xt = torch.sqrt(ab) * x0 + torch.sqrt(1 - ab) * noise
c0 = torch.tensor(c10["posterior_mean_coef_x0"], dtype=D)[steps][:, None]
ct = torch.tensor(c10["posterior_mean_coef_xt"], dtype=D)[steps][:, None]

reference = {
    "linear_1000": describe(linear(1000)),
    "linear_scaled_50": describe(linear(50, 1e-4 * 20, 0.02 * 20)),
    "cosine_10": c10,
    "cosine_1000": describe(cosine(1000)),
    "worked": {
        "x0": x0.tolist(), "noise": noise.tolist(), "steps": steps.tolist(),
        "xt": xt.tolist(), "posterior_mean": (c0 * x0 + ct * xt).tolist(),
    },
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "schedule_reference.json"), "w") as f:
    json.dump(reference, f)
