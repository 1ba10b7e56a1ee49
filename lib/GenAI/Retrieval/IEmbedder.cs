using static TorchSharp.torch;

namespace GenAI.Retrieval;

/// <summary>
/// Turns texts into vectors that can be compared by a dot product: every row the embedder returns
/// has unit length, so <c>a · b</c> is the cosine similarity of two texts. Retrieval code (exact and
/// approximate search, the index, re-ranking) takes any embedder, so the course's own encoder and
/// all-MiniLM-L6-v2 are measured with the same code.
/// </summary>
public interface IEmbedder : IDisposable
{
    /// <summary>A short name for tables and charts, for example "all-MiniLM-L6-v2".</summary>
    string Name { get; }

    /// <summary>Length D of every vector.</summary>
    int Dimension { get; }

    /// <summary>
    /// One unit-length float32 row per text: a tensor [N, D] on the embedder's device, in the order of
    /// <paramref name="texts"/>. An empty list gives [0, D].
    /// </summary>
    Tensor Embed(IReadOnlyList<string> texts);
}

/// <summary>Helpers every embedder shares.</summary>
public static class Embedders
{
    /// <summary>The embedding of one text as a vector [D].</summary>
    public static Tensor EmbedOne(this IEmbedder embedder, string text)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(text);
        using var rows = embedder.Embed([text]);
        return rows[0].clone();
    }

    /// <summary>Cosine similarity of two texts under <paramref name="embedder"/> (the dot product of their unit vectors).</summary>
    public static double Cosine(this IEmbedder embedder, string a, string b)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        using var scope = NewDisposeScope();
        var rows = embedder.Embed([a, b]);
        return rows[0].dot(rows[1]).item<float>();
    }

    /// <summary>
    /// Every row divided by its length, u / max(||u||, eps): the normalisation of sentence-transformers'
    /// Normalize layer, so that dot products are cosines. Checks that <paramref name="vectors"/> is [N, D].
    /// </summary>
    public static Tensor Normalize(Tensor vectors, double eps = 1e-12)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.dim() != 2)
            throw new ArgumentException($"Vectors must be a matrix [N, D]; got {vectors.ShapeString()}.", nameof(vectors));
        return nn.functional.normalize(vectors, p: 2, dim: 1, eps: eps);
    }

    internal static void CheckTexts(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        for (int i = 0; i < texts.Count; i++)
            if (texts[i] is null)
                throw new ArgumentException($"Text {i} of {texts.Count} is null; every text must be a string (empty is allowed).", nameof(texts));
    }
}
