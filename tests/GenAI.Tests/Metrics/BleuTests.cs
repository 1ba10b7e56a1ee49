using System.Text.Json;
using GenAI.Metrics;

namespace GenAI.Tests.Metrics;

public class BleuTests
{
    static string[] W(string s) => s.Split(' ');

    [Fact]
    public void ClippingStopsARepeatedWordFromScoring()
    {
        // Papineni's example: "the" x7 against references holding "the" at most twice: p_1 = 2/7.
        var result = Bleu.Sentence(W("the the the the the the the"), [W("the cat is on the mat"), W("there is a cat on the mat")], maxN: 1);
        Assert.Equal(2, result.Matches[0]);
        Assert.Equal(7, result.Totals[0]);
        Assert.Equal(2.0 / 7, result.Precisions[0], 12);
        // c = 7, closest reference length r = 7, so BP = exp(1 - 7/7) = 1 and BLEU_1 = 2/7.
        Assert.Equal(7, result.ReferenceLength);
        Assert.Equal(1.0, result.BrevityPenalty, 12);
        Assert.Equal(2.0 / 7, result.Score, 12);
    }

    [Fact]
    public void BrevityPenaltyPunishesAShortCandidate()
    {
        // "the cat" vs a 6-word reference: p_1 = p_2 = 1 but c = 2, r = 6, BP = exp(1 - 6/2) = e^-2.
        var result = Bleu.Sentence(W("the cat"), [W("the cat is on the mat")], maxN: 2);
        Assert.Equal(new[] { 1.0, 1.0 }, result.Precisions);
        Assert.Equal(Math.Exp(-2), result.BrevityPenalty, 12);
        Assert.Equal(Math.Exp(-2), result.Score, 12);
    }

    [Fact]
    public void ALongerCandidateIsNotPenalised()
    {
        var result = Bleu.Sentence(W("a b c d e"), [W("a b c d")]);
        Assert.Equal(1.0, result.BrevityPenalty);
        // p = 4/5, 3/4, 2/3, 1/2: geometric mean (0.8·0.75·0.6667·0.5)^(1/4) = 0.2^(1/4)
        Assert.Equal(Math.Pow(0.2, 0.25), result.Score, 12);
    }

    [Fact]
    public void CorpusBleuPoolsCountsInsteadOfAveragingSentences()
    {
        // "a b c d" matches 4,3,2,1 of 4,3,2,1 n-grams; "a b x y" matches 2,1,0,0 of 4,3,2,1.
        // Pooled: p = 6/8, 4/6, 2/4, 1/2 and BP = 1, so BLEU = (0.75·(2/3)·0.5·0.5)^(1/4) = 0.125^(1/4).
        IReadOnlyList<string>[] candidates = [W("a b c d"), W("a b x y")];
        IReadOnlyList<IReadOnlyList<string>>[] references = [[W("a b c d")], [W("a b c d")]];
        var corpus = Bleu.Corpus(candidates, references);
        Assert.Equal(Math.Pow(0.125, 0.25), corpus.Score, 12);
        // The second sentence alone has no 3-gram match, so its BLEU is 0 and the mean of sentences is 0.5.
        Assert.Equal(0.0, Bleu.Sentence(candidates[1], references[1]).Score);
        Assert.NotEqual(0.5, corpus.Score, 3);
    }

    [Fact]
    public void ClosestReferenceLengthPrefersTheShorterOnATie()
    {
        // c = 5; references of 4 and 6 tokens are equally close, r = 4 (so BP = 1 since c > r).
        var result = Bleu.Sentence(W("a b c d e"), [W("a b c d e f"), W("a b c d")]);
        Assert.Equal(4, result.ReferenceLength);
        Assert.Equal(1.0, result.BrevityPenalty);
    }

    public sealed record NltkCase(string name, string[][] candidates, string[][][] references, double corpus_bleu, double[] sentence_bleu);

    public static IEnumerable<object[]> NltkCases()
    {
        var cases = JsonSerializer.Deserialize<NltkCase[]>(File.ReadAllText(ReferenceFixture.PathOf("Metrics", "bleu_reference.json")))!;
        return cases.Select(c => new object[] { c.name });
    }

    static NltkCase Load(string name)
    {
        return JsonSerializer.Deserialize<NltkCase[]>(File.ReadAllText(ReferenceFixture.PathOf("Metrics", "bleu_reference.json")))!.Single(c => c.name == name);
    }

    [Theory]
    [MemberData(nameof(NltkCases))]
    public void AgreesWithNltksCorpusAndSentenceBleu(string name)
    {
        var c = Load(name);
        var references = c.references.Select(r => (IReadOnlyList<IReadOnlyList<string>>)r).ToList();
        var candidates = c.candidates.Select(x => (IReadOnlyList<string>)x).ToList();
        // NLTK returns ~1e-154 instead of 0 when an n-gram order has no match (its float-min smoothing).
        Assert.Equal(c.corpus_bleu, Bleu.Corpus(candidates, references).Score, 12);
        for (int i = 0; i < candidates.Count; i++)
            Assert.Equal(c.sentence_bleu[i], Bleu.Sentence(candidates[i], references[i]).Score, 12);
    }

    [Fact]
    public void MismatchedInputsAreRejectedByName()
    {
        var ex = Assert.Throws<ArgumentException>(() => Bleu.Corpus([W("a b")], []));
        Assert.Equal("references", ex.ParamName);
        Assert.Contains("1 candidates and 0 reference sets", ex.Message);
        var none = Assert.Throws<ArgumentException>(() => Bleu.Sentence(W("a b"), []));
        Assert.Contains("no reference", none.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Bleu.Sentence(W("a b"), [W("a b")], maxN: 0));
    }
}
