using GenAI.Retrieval;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Pattern;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using System.Text.RegularExpressions;
using static TorchSharp.torch;

namespace GenAI.Tests.Retrieval;

public class Bm25Tests
{
    static readonly string[] Documents =
    [
        "The transformer uses scaled dot-product attention with queries, keys and values.",
        "Attention attention attention: the causal mask hides later tokens from attention.",
        "Byte-pair encoding merges the most frequent pair of symbols, again and again.",
        "A variational autoencoder adds a KL term to the reconstruction loss; the KL term pulls codes to the prior.",
        "The bigram model counts pairs of characters and divides each row by its sum.",
        "Diffusion models learn to remove noise, one small step at a time, with a U-Net that predicts the noise.",
        "Greedy decoding takes the most likely token; beam search keeps the k best partial sequences.",
        "An encoder and a decoder with attention translate dates written in seven styles.",
        "Short.",
        string.Join(' ', Enumerable.Repeat("noise schedule beta alpha", 30)),
    ];

    static readonly string[] Queries = ["attention mask", "KL term prior", "noise", "beam search decoding", "pair of symbols pair", "nothing matches xyzzy"];

    /// <summary>Lucene's analyser with the same settings as <see cref="Bm25Analyzer"/>: the same pattern, lower case, the same stop words.</summary>
    sealed class SameAnalyzer(IReadOnlySet<string> stops) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new PatternTokenizer(reader, new Regex(Bm25Analyzer.TokenPattern), 0);
            TokenStream stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, source);
            stream = new StopFilter(LuceneVersion.LUCENE_48, stream, new CharArraySet(LuceneVersion.LUCENE_48, stops.ToList(), false));
            return new TokenStreamComponents(source, stream);
        }
    }

    static float[][] LuceneScores(IReadOnlySet<string> stops)
    {
        using var dir = new RAMDirectory();
        var analyzer = new SameAnalyzer(stops);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { Similarity = new BM25Similarity(1.2f, 0.75f) };
        using (var writer = new IndexWriter(dir, config))
        {
            for (int i = 0; i < Documents.Length; i++)
                writer.AddDocument(new Document { new StringField("id", i.ToString(), Field.Store.YES), new TextField("body", Documents[i], Field.Store.NO) });
            writer.Commit();
        }
        using var reader = DirectoryReader.Open(dir);
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity(1.2f, 0.75f) };
        var result = new float[Queries.Length][];
        for (int q = 0; q < Queries.Length; q++)
        {
            var query = new BooleanQuery();
            foreach (var token in new Bm25Analyzer(stops).Tokenize(Queries[q]))
                query.Add(new TermQuery(new Term("body", token)), Occur.SHOULD);
            result[q] = new float[Documents.Length];
            foreach (var hit in searcher.Search(query, Documents.Length).ScoreDocs)
                result[q][int.Parse(searcher.Doc(hit.Doc).Get("id"))] = hit.Score;
        }
        return result;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Scores_equal_Lucene_BM25Similarity_score_for_score(bool stopWords)
    {
        var stops = stopWords ? Bm25Analyzer.EnglishStopWords : new HashSet<string>();
        var expected = LuceneScores(stops);
        using var bm25 = new Bm25(Documents, new Bm25Analyzer(stops));
        for (int q = 0; q < Queries.Length; q++)
        {
            using var scope = NewDisposeScope();
            var ours = bm25.Scores(Queries[q]).data<float>().ToArray();
            for (int d = 0; d < Documents.Length; d++)
                Assert.True(Math.Abs(ours[d] - expected[q][d]) <= 1e-5 * Math.Max(1, expected[q][d]),
                    $"query '{Queries[q]}', document {d}: ours {ours[d]}, Lucene {expected[q][d]}");
        }
    }

    [Fact]
    public void Exact_lengths_differ_from_Lucene_only_through_its_one_byte_norms()
    {
        var expected = LuceneScores(Bm25Analyzer.EnglishStopWords);
        using var exact = new Bm25(Documents, luceneLengths: false);
        using var scope = NewDisposeScope();
        var ours = exact.Scores(Queries[0]).data<float>().ToArray();
        // Close (lengths within the 3-bit mantissa's 25 %), but not equal for long documents.
        for (int d = 0; d < Documents.Length; d++)
            Assert.InRange(ours[d], expected[0][d] * 0.8f - 1e-6f, expected[0][d] * 1.25f + 1e-6f);
        Assert.Contains(Enumerable.Range(0, Documents.Length), d => Math.Abs(ours[d] - expected[0][d]) > 1e-4);
    }

    [Fact]
    public void Lucene_norms_keep_small_lengths_and_round_larger_ones()
    {
        // Hand-worked: 1/sqrt(4) = 0.5 = 2^-1 exactly, kept; 1/sqrt(5) = 0.4472 = 2^-2 · 1.789, mantissa floored to 1.75
        // → f = 0.4375, length 1/f^2 = 5.2245.
        Assert.Equal(1f, Bm25.LuceneDecodedLength(1));
        Assert.Equal(4f, Bm25.LuceneDecodedLength(4));
        Assert.Equal(5.2244897f, Bm25.LuceneDecodedLength(5), 5);
        Assert.Equal(0f, Bm25.LuceneDecodedLength(0));
    }

    [Fact]
    public void Idf_and_a_hand_worked_score()
    {
        // Two documents, no stop words: d0 = "a b" (|d| = 2), d1 = "b b b c" (|d| = 4), avgdl = 3.
        using var bm25 = new Bm25(["a b", "b b b c"], new Bm25Analyzer(), luceneLengths: false);
        Assert.Equal(Math.Log(1 + (2 - 1 + 0.5) / (1 + 0.5)), bm25.Idf("a"), 5);     // ln 2
        Assert.Equal(Math.Log(1 + (2 - 2 + 0.5) / (2 + 0.5)), bm25.Idf("b"), 5);     // ln 1.2
        using var scope = NewDisposeScope();
        var s = bm25.Scores("b").data<float>().ToArray();
        double idf = Math.Log(1.2);
        double d0 = idf * 1 * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 2 / 3.0));
        double d1 = idf * 3 * 2.2 / (3 + 1.2 * (0.25 + 0.75 * 4 / 3.0));
        Assert.Equal(d0, s[0], 5);
        Assert.Equal(d1, s[1], 5);
        var hits = bm25.Search("a", 5);
        Assert.Single(hits);
        Assert.Equal(0, hits[0].Key);
    }

    [Fact]
    public void Bad_parameters_are_named()
    {
        Assert.Contains("at least one document", Assert.Throws<ArgumentException>(() => new Bm25([])).Message);
        Assert.Contains("b must be between", Assert.Throws<ArgumentException>(() => new Bm25(["x"], b: 2)).Message);
    }
}
