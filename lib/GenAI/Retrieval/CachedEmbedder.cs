using static TorchSharp.torch;

namespace GenAI.Retrieval;

/// <summary>
/// An embedder that remembers: every distinct text is embedded once by the inner embedder, and later calls with the
/// same text take the stored row (on the CPU; the result goes to the inner embedder's device). A notebook that embeds
/// the same chunks for search, re-ranking and the persisted index pays for them once. The vectors are the inner
/// embedder's exactly (an embedder gives the same row for a text whatever else is in the batch, which MiniLM and the
/// course encoder do up to float rounding).
/// </summary>
public sealed class CachedEmbedder : IEmbedder
{
    readonly IEmbedder inner;
    readonly Dictionary<string, Tensor> rows = new(StringComparer.Ordinal);
    readonly bool ownsInner;
    bool disposed;

    /// <param name="inner">The embedder that computes what is not stored yet.</param>
    /// <param name="ownsInner">Whether <see cref="Dispose"/> disposes <paramref name="inner"/> too.</param>
    public CachedEmbedder(IEmbedder inner, bool ownsInner = true)
    {
        this.inner = inner ?? throw new ArgumentNullException(nameof(inner));
        this.ownsInner = ownsInner;
    }

    public string Name => inner.Name;
    public int Dimension => inner.Dimension;

    /// <summary>The embedder underneath.</summary>
    public IEmbedder Inner => inner;

    /// <summary>Distinct texts stored.</summary>
    public int Count => rows.Count;

    /// <summary>Texts the inner embedder was asked for, in all (each distinct text once).</summary>
    public long Computed { get; private set; }

    public Tensor Embed(IReadOnlyList<string> texts)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        Embedders.CheckTexts(texts);
        var missing = texts.Where(t => !rows.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToArray();
        using var scope = NewDisposeScope();
        Device device;
        if (missing.Length > 0)
        {
            var fresh = inner.Embed(missing);
            if (fresh.dim() != 2 || fresh.shape[0] != missing.Length || fresh.shape[1] != Dimension)
                throw new InvalidOperationException($"{inner.Name} returned {fresh.ShapeString()} for {missing.Length} texts; an embedder must return [{missing.Length}, {Dimension}].");
            device = fresh.device;
            var cpu = fresh.detach().cpu();
            for (int i = 0; i < missing.Length; i++)
                rows[missing[i]] = cpu[i].clone().DetachFromDisposeScope();   // owned by the cache, not by any caller's scope
            Computed += missing.Length;
        }
        else device = inner.Embed([]).device;
        if (texts.Count == 0) return scope.MoveToOuter(zeros(0, Dimension, device: device));
        return scope.MoveToOuter(stack(texts.Select(t => rows[t]).ToArray()).to(device));
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        foreach (var r in rows.Values) r.Dispose();
        rows.Clear();
        if (ownsInner) inner.Dispose();
    }
}
