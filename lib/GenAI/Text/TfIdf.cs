using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Text;

/// <summary>How the term-frequency factor of TF-IDF is measured.</summary>
public enum TermFrequency
{
    /// <summary>count(t, d) / number of tokens in d: the textbook definition.</summary>
    RelativeFrequency,
    /// <summary>count(t, d) itself, as scikit-learn's TfidfVectorizer uses.</summary>
    RawCount,
}

/// <summary>
/// TF-IDF variants. The default is the textbook one: tf = count / document length,
/// idf = ln(N / df). <see cref="ScikitLearn"/> reproduces scikit-learn's TfidfVectorizer defaults:
/// raw counts, idf = ln((1 + N) / (1 + df)) + 1, rows scaled to unit length.
/// </summary>
public sealed record TfIdfOptions(TermFrequency TermFrequency = TermFrequency.RelativeFrequency, bool SmoothIdf = false, bool NormalizeRows = false)
{
    public static TfIdfOptions Textbook { get; } = new();
    public static TfIdfOptions ScikitLearn { get; } = new(TermFrequency.RawCount, SmoothIdf: true, NormalizeRows: true);
}

/// <summary>
/// Term frequency times inverse document frequency: a word weighs a lot in a document when it is
/// frequent there (tf) and rare across the collection (idf); words in every document ("the") get
/// idf = ln(1) = 0 under the textbook definition. <see cref="Fit"/> learns the vocabulary and the idf
/// of a collection; <see cref="Transform"/> weighs any documents with them. All arithmetic runs in libtorch.
/// </summary>
public sealed class TfIdf : IDisposable
{
    TfIdf(Vocabulary vocabulary, Tensor idf, long documentCount, TfIdfOptions options)
    {
        Vocabulary = vocabulary;
        Idf = idf;
        DocumentCount = documentCount;
        Options = options;
    }

    /// <summary>The terms, in ordinal order: column j of every matrix is term Vocabulary[j].</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>idf of each term, float64 [vocabulary size].</summary>
    public Tensor Idf { get; }

    /// <summary>Number of documents the idf was computed from (N).</summary>
    public long DocumentCount { get; }

    public TfIdfOptions Options { get; }

    /// <summary>Learns the vocabulary and the inverse document frequencies of <paramref name="documents"/> (already tokenized).</summary>
    public static TfIdf Fit(IReadOnlyList<IReadOnlyList<string>> documents, TfIdfOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0) throw new ArgumentException("TF-IDF needs at least one document to learn from.", nameof(documents));
        options ??= TfIdfOptions.Textbook;
        var vocabulary = BagOfWords.VocabularyOf(documents);
        using var scope = NewDisposeScope();
        var counts = BagOfWords.FromTokens(documents, vocabulary, ScalarType.Float64);
        // df(t): in how many documents term t occurs at least once.
        var documentFrequency = counts.gt(0).sum(0, type: ScalarType.Float64);
        long n = documents.Count;
        var idf = options.SmoothIdf
            ? documentFrequency.add(1).reciprocal().mul(n + 1).log().add(1)   // ln((1 + N) / (1 + df)) + 1
            : documentFrequency.reciprocal().mul(n).log();                     // ln(N / df)
        return new TfIdf(vocabulary, idf.MoveToOuterDisposeScope(), n, options);
    }

    /// <summary>TF-IDF weights float64 [documents, vocabulary size] of tokenized documents; unknown terms are ignored.</summary>
    public Tensor Transform(IEnumerable<IReadOnlyList<string>> documents)
    {
        using var scope = NewDisposeScope();
        var counts = BagOfWords.FromTokens(documents, Vocabulary, ScalarType.Float64);
        var tf = Options.TermFrequency == TermFrequency.RawCount
            ? counts
            : counts.div(counts.sum(1, keepdim: true).clamp_min(1)); // an empty document stays all zeros
        var weights = tf.mul(Idf.unsqueeze(0));
        if (Options.NormalizeRows) weights = weights.div(weights.norm(1, keepdim: true).clamp_min(1e-12));
        return weights.MoveToOuterDisposeScope();
    }

    /// <summary><see cref="Fit"/> then <see cref="Transform"/> of the same documents.</summary>
    public static (TfIdf Model, Tensor Weights) FitTransform(IReadOnlyList<IReadOnlyList<string>> documents, TfIdfOptions? options = null)
    {
        var model = Fit(documents, options);
        return (model, model.Transform(documents));
    }

    public void Dispose() => Idf.Dispose();
}
