using GenAI.Text;
using TorchSharp;

namespace GenAI.Tests.Text;

public class TfIdfTests
{
    static readonly IReadOnlyList<string>[] Documents =
    [
        "the cat sat on the mat".Split(' '),
        "the dog sat".Split(' '),
        "the cat ran".Split(' '),
    ];

    [Fact]
    public void Textbook_weights_match_the_hand_worked_example()
    {
        // Vocabulary (ordinal): cat dog mat on ran sat the.     N = 3 documents.
        // df:  cat 2, dog 1, mat 1, on 1, ran 1, sat 2, the 3   -> idf = ln(3/df): ln 1.5, ln 3, ln 3, ln 3, ln 3, ln 1.5, 0
        // Document 1 has 6 tokens: tf(the) = 2/6, tf(cat) = tf(sat) = tf(on) = tf(mat) = 1/6.
        using var model = TfIdf.Fit(Documents);
        Assert.Equal(["cat", "dog", "mat", "on", "ran", "sat", "the"], model.Vocabulary.Tokens);
        double[] idf = model.Idf.data<double>().ToArray();
        AssertClose([Math.Log(1.5), Math.Log(3), Math.Log(3), Math.Log(3), Math.Log(3), Math.Log(1.5), 0], idf);

        using var weights = model.Transform(Documents);
        Assert.Equal([3L, 7], weights.shape);
        Assert.Equal(torch.ScalarType.Float64, weights.dtype);
        double[] w = weights.data<double>().ToArray();
        AssertClose([Math.Log(1.5) / 6, 0, Math.Log(3) / 6, Math.Log(3) / 6, 0, Math.Log(1.5) / 6, 0], w[0..7]);
        AssertClose([0, Math.Log(3) / 3, 0, 0, 0, Math.Log(1.5) / 3, 0], w[7..14]);
        // "the" occurs everywhere, so it carries no weight anywhere.
        Assert.Equal(0, w[6]);
        Assert.Equal(0, w[13]);
        Assert.Equal(0, w[20]);
    }

    [Fact]
    public void ScikitLearn_options_match_its_TfidfVectorizer()
    {
        // Reference: scikit-learn 1.2.1 (Debian python3-sklearn),
        // TfidfVectorizer(token_pattern=r"\S+").fit_transform(["the cat sat on the mat", "the dog sat", "the cat ran"]).
        double[][] expected =
        [
            [0.3564574015, 0, 0.4686986464, 0.4686986464, 0, 0.3564574015, 0.5536419418],
            [0, 0.7203334491, 0, 0, 0, 0.5478321549, 0.425440539],
            [0.5478321549, 0, 0, 0, 0.7203334491, 0, 0.425440539],
        ];
        var (model, weights) = TfIdf.FitTransform(Documents, TfIdfOptions.ScikitLearn);
        using (model)
        using (weights)
        {
            AssertClose([1.28768207, 1.69314718, 1.69314718, 1.69314718, 1.69314718, 1.28768207, 1], model.Idf.data<double>().ToArray(), 1e-8);
            AssertClose(expected.SelectMany(r => r).ToArray(), weights.data<double>().ToArray(), 1e-9);
        }
    }

    [Fact]
    public void Unknown_terms_and_empty_documents_get_zero_rows()
    {
        using var model = TfIdf.Fit(Documents);
        using var weights = model.Transform([["zebra", "yak"], []]);
        Assert.Equal([2L, 7], weights.shape);
        Assert.All(weights.data<double>().ToArray(), v => Assert.Equal(0, v));
    }

    [Fact]
    public void Fitting_no_documents_is_an_error()
    {
        var error = Assert.Throws<ArgumentException>(() => TfIdf.Fit([]));
        Assert.Contains("at least one document", error.Message);
    }

    internal static void AssertClose(double[] expected, double[] actual, double tolerance = 1e-12)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"element {i}: expected {expected[i]}, got {actual[i]}");
    }
}
