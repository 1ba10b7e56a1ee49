using GenAI.Text;
using TorchSharp;

namespace GenAI.Tests.Text;

public class BagOfWordsTests
{
    [Fact]
    public void Counts_each_vocabulary_token_per_document_ignoring_order()
    {
        var vocabulary = new Vocabulary(["bites", "dog", "man"]);
        using var counts = BagOfWords.FromTokens([["dog", "bites", "man"], ["man", "bites", "dog"], ["dog", "dog", "cat"]], vocabulary);
        Assert.Equal([3L, 3], counts.shape);
        Assert.Equal(torch.ScalarType.Float32, counts.dtype);
        Assert.Equal([1f, 1, 1, 1, 1, 1, 0, 2, 0], counts.data<float>().ToArray()); // "cat" is not in the vocabulary
    }

    [Fact]
    public void From_ids_rejects_an_id_outside_the_vocabulary()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => BagOfWords.FromIds([[0L, 1], [5L]], vocabSize: 3));
        Assert.Contains("Document 1", error.Message);
        Assert.Contains("token id 5", error.Message);
    }

    [Fact]
    public void Vocabulary_of_documents_is_sorted_and_distinct()
    {
        var vocabulary = BagOfWords.VocabularyOf([["b", "a"], ["c", "a"]]);
        Assert.Equal(["a", "b", "c"], vocabulary.Tokens);
    }
}
