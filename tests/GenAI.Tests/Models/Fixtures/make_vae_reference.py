# Reference values for VaeTests, computed with Python PyTorch's own distributions and losses.
# Regenerate with (from the repository root):
#   /usr/bin/python3 tests/GenAI.Tests/Models/Fixtures/make_vae_reference.py > tests/GenAI.Tests/Models/Fixtures/vae_reference.json
# (torch 1.13 from Debian; the inputs are written out literally, so no random generator is involved.)
import json
import torch
from torch.distributions import Normal, kl_divergence

mu = torch.tensor([[0.3, -1.2, 0.0], [2.0, 0.5, -0.7]], dtype=torch.float64)
log_var = torch.tensor([[0.1, -0.5, 1.3], [-2.0, 0.0, 0.4]], dtype=torch.float64)
q = Normal(mu, torch.exp(0.5 * log_var))
p = Normal(torch.zeros_like(mu), torch.ones_like(mu))
kl = kl_divergence(q, p).sum(-1)

logits = torch.tensor([[[[1.5, -0.3], [0.0, -2.2]]], [[[0.7, 3.1], [-1.0, 0.2]]]], dtype=torch.float64)
images = torch.tensor([[[[1.0, 0.0], [0.25, 0.9]]], [[[0.0, 1.0], [0.5, 0.1]]]], dtype=torch.float64)
bce = torch.nn.functional.binary_cross_entropy_with_logits(logits, images, reduction="none").flatten(1).sum(1)

print(json.dumps({
    "torch_version": torch.__version__,
    "mu": mu.tolist(),
    "log_var": log_var.tolist(),
    "kl": kl.tolist(),
    "logits": logits.flatten().tolist(),
    "images": images.flatten().tolist(),
    "image_shape": list(images.shape),
    "bce": bce.tolist(),
}, indent=1))
