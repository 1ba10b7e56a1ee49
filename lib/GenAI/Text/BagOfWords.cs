using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Text;

/// <summary>
/// Bag of words: a document becomes a vector of token counts, one entry per vocabulary token,
/// forgetting the order of the words ("dog bites man" = "man bites dog").
/// </summary>
public static class BagOfWords
{
    /// <summary>
    /// Counts [documents, vocabSize] of token ids: row d, column t = how often id t occurs in document d.
    /// Counting is libtorch's <c>bincount</c>; an id outside 0..vocabSize-1 is an error naming it.
    /// </summary>
    public static Tensor FromIds(IEnumerable<IReadOnlyList<long>> documents, int vocabSize, ScalarType dtype = ScalarType.Float32)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (vocabSize < 1) throw new ArgumentOutOfRangeException(nameof(vocabSize), vocabSize, "vocabSize must be at least 1.");
        using var scope = NewDisposeScope();
        var rows = new List<Tensor>();
        int d = 0;
        foreach (var document in documents)
        {
            foreach (long id in document)
            {
                if (id < 0 || id >= vocabSize)
                    throw new ArgumentOutOfRangeException(nameof(documents), id, $"Document {d} contains token id {id}, outside the vocabulary 0..{vocabSize - 1}.");
            }
            var ids = tensor(document.ToArray(), ScalarType.Int64);
            rows.Add(bincount(ids, minlength: vocabSize));
            d++;
        }
        if (rows.Count == 0) return zeros([0, vocabSize], dtype).MoveToOuterDisposeScope();
        return stack(rows).to_type(dtype).MoveToOuterDisposeScope();
    }

    /// <summary>Counts [documents, vocabulary.Count] of tokenized documents; tokens missing from the vocabulary are not counted.</summary>
    public static Tensor FromTokens(IEnumerable<IReadOnlyList<string>> documents, Vocabulary vocabulary, ScalarType dtype = ScalarType.Float32)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var ids = documents.Select(doc => (IReadOnlyList<long>)doc
            .Select(token => vocabulary.TryGetId(token, out int id) ? id : -1L)
            .Where(id => id >= 0)
            .ToArray());
        return FromIds(ids, vocabulary.Count, dtype);
    }

    /// <summary>A vocabulary of every distinct token in the documents, in ordinal order (the column order of the counts).</summary>
    public static Vocabulary VocabularyOf(IEnumerable<IEnumerable<string>> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var distinct = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var document in documents) distinct.UnionWith(document);
        return new Vocabulary(distinct);
    }
}
