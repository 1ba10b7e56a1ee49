using static TorchSharp.torch;

namespace GenAI.Transformers;

/// <summary>
/// Keys and values of the tokens seen so far, one pair per layer, so that generating the next token only
/// computes attention for that token instead of re-running the whole sequence. <see cref="MultiHeadAttention"/>
/// appends to it when a cache is passed: create one per generated sequence (or batch) with as many layers as the
/// model has attention layers that cache, pass it with each layer's index, and dispose it when done.
/// It stores the K/V heads before they are repeated for grouped-query attention, so a model with fewer K/V heads
/// has a smaller cache. Memory: 2 (K and V) * layers * kvHeads * headDim * tokens per sequence (<see cref="Bytes"/>).
/// </summary>
public sealed class KvCache : IDisposable
{
    readonly Tensor?[] keys;
    readonly Tensor?[] values;

    public KvCache(int layers)
    {
        if (layers < 1) throw new ArgumentOutOfRangeException(nameof(layers), layers, "A cache needs at least one layer.");
        keys = new Tensor?[layers];
        values = new Tensor?[layers];
    }

    /// <summary>Number of layers the cache has room for.</summary>
    public int Layers => keys.Length;

    /// <summary>How many tokens are cached (after a complete forward pass; the last layer is filled last).</summary>
    public int Length => keys[^1] is Tensor k ? (int)k.shape[2] : 0;

    /// <summary>How many tokens layer <paramref name="layer"/> holds now.</summary>
    public int LengthOf(int layer) => keys[CheckLayer(layer)] is Tensor k ? (int)k.shape[2] : 0;

    /// <summary>
    /// Appends this step's keys and values [B, kvHeads, t, headDim] to layer <paramref name="layer"/>'s and returns all
    /// of them [B, kvHeads, past + t, headDim]. The cache owns the returned tensors (they outlive the caller's dispose scope).
    /// </summary>
    public (Tensor Keys, Tensor Values) Append(int layer, Tensor k, Tensor v)
    {
        CheckLayer(layer);
        if (k.ndim != 4 || v.ndim != 4 || !k.shape.SequenceEqual(v.shape))
            throw new ArgumentException($"Expected keys and values [B, kvHeads, t, headDim] of one shape; got k {ShapeText.Of(k)}, v {ShapeText.Of(v)}.", nameof(k));
        if (keys[layer] is Tensor old && (old.shape[0] != k.shape[0] || old.shape[1] != k.shape[1] || old.shape[3] != k.shape[3]))
            throw new ArgumentException($"Layer {layer} caches keys {ShapeText.Of(old)}; the new keys {ShapeText.Of(k)} must agree in B, kvHeads and headDim.", nameof(k));
        var allK = keys[layer] is Tensor oldK ? cat([oldK, k], 2) : k.alias();
        var allV = values[layer] is Tensor oldV ? cat([oldV, v], 2) : v.alias();
        keys[layer]?.Dispose();
        values[layer]?.Dispose();
        // The cache owns these tensors from now on: the step's dispose scope must not free them.
        keys[layer] = allK.DetachFromDisposeScope();
        values[layer] = allV.DetachFromDisposeScope();
        return (allK, allV);
    }

    /// <summary>Forgets every cached token (e.g. when the context window slides and the positions shift).</summary>
    public void Clear()
    {
        foreach (var t in keys.Concat(values)) t?.Dispose();
        Array.Clear(keys);
        Array.Clear(values);
    }

    public void Dispose() => Clear();

    /// <summary>
    /// Bytes of KV cache: 2 (K and V) * layers * kvHeads * headDim * tokens * batch * bytes per number.
    /// Only the number of K/V heads differs between MHA (kvHeads = heads), GQA and MQA (kvHeads = 1).
    /// </summary>
    public static long Bytes(int layers, int kvHeads, int headDim, int tokens, int batch = 1, int bytesPerValue = 2)
    {
        if (layers < 1 || kvHeads < 1 || headDim < 1 || tokens < 0 || batch < 1 || bytesPerValue < 1)
            throw new ArgumentException($"Sizes must be positive; got layers {layers}, kvHeads {kvHeads}, headDim {headDim}, tokens {tokens}, batch {batch}, bytes {bytesPerValue}.", nameof(layers));
        return 2L * layers * kvHeads * headDim * tokens * batch * bytesPerValue;
    }

    int CheckLayer(int layer)
    {
        if (layer < 0 || layer >= keys.Length)
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"This cache has layers 0..{keys.Length - 1}.");
        return layer;
    }
}
