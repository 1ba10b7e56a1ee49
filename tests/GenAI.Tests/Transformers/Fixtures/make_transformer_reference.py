# Reference values for TransformerBlockTests: PyTorch's own nn.TransformerEncoderLayer and nn.TransformerDecoderLayer
# (Debian's PyTorch 1.13), post-LN and pre-LN (norm_first), with their random weights, inputs, masks and outputs.
# TorchSharp 0.107's layers wrap libtorch's C++ modules, which have no norm_first, so the pre-LN values come from here.
# Regenerate with (from the repository root):
#   /usr/bin/python3 tests/GenAI.Tests/Transformers/Fixtures/make_transformer_reference.py > tests/GenAI.Tests/Transformers/Fixtures/transformer_reference.json
import json
import torch

torch.manual_seed(0)
D, H, FFN, B, T, S = 8, 2, 16, 2, 5, 4


def lst(t):
    return t.detach().double().tolist()


def case(kind, norm_first):
    if kind == "encoder":
        layer = torch.nn.TransformerEncoderLayer(D, H, FFN, dropout=0.0, activation="gelu", batch_first=True, norm_first=norm_first)
    else:
        layer = torch.nn.TransformerDecoderLayer(D, H, FFN, dropout=0.0, activation="gelu", batch_first=True, norm_first=norm_first)
    with torch.no_grad():
        # LayerNorm starts at weight 1, bias 0: perturb so that a mix-up of the norms shows
        for name, p in layer.named_parameters():
            if "norm" in name:
                p.add_(0.3 * torch.randn_like(p))
    x = torch.randn(B, T, D)
    out = {"kind": kind, "norm_first": norm_first, "x": lst(x),
           "weights": {name: lst(p) for name, p in layer.named_parameters()}}
    # PyTorch's key_padding_mask is True where a key is padding (ignored); the course's masks are True where it may be attended.
    if kind == "encoder":
        lengths = [5, 3]
        padding = torch.arange(T)[None, :] >= torch.tensor(lengths)[:, None]
        layer.train()   # dropout is 0; training mode keeps PyTorch off its fused inference fast path
        y = layer(x, src_key_padding_mask=padding)
        out.update({"lengths": lengths, "output": lst(y)})
    else:
        memory = torch.randn(B, S, D)
        memory_lengths = [4, 2]
        memory_padding = torch.arange(S)[None, :] >= torch.tensor(memory_lengths)[:, None]
        causal = torch.triu(torch.ones(T, T, dtype=torch.bool), 1)   # True = may not attend (a later position)
        y = layer(x, memory, tgt_mask=causal, memory_key_padding_mask=memory_padding)
        out.update({"memory": lst(memory), "memory_lengths": memory_lengths, "output": lst(y)})
    return out


cases = [case(kind, nf) for kind in ["encoder", "decoder"] for nf in [False, True]]
print(json.dumps({"model_dim": D, "heads": H, "ffn_dim": FFN, "torch": torch.__version__, "cases": cases}))
