# Reference values for PositionalEncodingsTests, computed independently with numpy.
# Regenerate with (from the repository root):
#   /usr/bin/python3 tests/GenAI.Tests/Transformers/Fixtures/make_positional_reference.py > tests/GenAI.Tests/Transformers/Fixtures/positional_reference.json
import json
import numpy as np

def sinusoidal(length, d):
    pe = np.zeros((length, d))
    for pos in range(length):
        for i in range(0, d, 2):
            angle = pos / 10000 ** (i / d)
            pe[pos, i] = np.sin(angle)
            pe[pos, i + 1] = np.cos(angle)
    return pe

def rope(x, start):
    # x: [T, hs]; rotate each pair (2i, 2i+1) of token t by (start + t) * 10000^(-2i/hs)
    T, hs = x.shape
    out = np.zeros_like(x)
    for t in range(T):
        for i in range(0, hs, 2):
            a = (start + t) * 10000 ** (-i / hs)
            c, s = np.cos(a), np.sin(a)
            out[t, i] = x[t, i] * c - x[t, i + 1] * s
            out[t, i + 1] = x[t, i] * s + x[t, i + 1] * c
    return out

x = np.arange(4 * 6, dtype=np.float64).reshape(4, 6) / 10 - 1
print(json.dumps({
    "sinusoidal_6x8": sinusoidal(6, 8).tolist(),
    "rope_input_4x6": x.tolist(),
    "rope_start3_4x6": rope(x, 3).tolist(),
}, indent=1))
