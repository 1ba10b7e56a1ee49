using GenAI.Models;
using static TorchSharp.torch;

namespace GenAI.Tests.Models.Multimodal;

public class ZeroShotClassifierTests
{
    // A hand-made "text tower": fixed vectors for the texts the templates make.
    static readonly Dictionary<string, float[]> Vectors = new()
    {
        ["cat"] = [2, 0, 0], ["a photo of a cat"] = [0, 3, 0],
        ["dog"] = [0, 0, 1], ["a photo of a dog"] = [0, 0, 5],
    };

    static Tensor Encode(IReadOnlyList<string> texts) =>
        tensor(texts.SelectMany(t => Vectors[t]).ToArray()).view(texts.Count, 3);

    [Fact]
    public void ClassVectorsAverageTheTemplatesUnitVectors()
    {
        using var classes = ZeroShotClassifier.ClassEmbeddings(Encode, ["cat", "dog"], ["{0}", "a photo of a {0}"]);
        // cat: normalise((e1 + e2) / 2) = (1/√2, 1/√2, 0): each template counts once, whatever its length (2 and 3)
        float r = 1 / MathF.Sqrt(2);
        using var expected = tensor(new float[] { r, r, 0, 0, 0, 1 }).view(2, 3);
        Assert.True(classes.allclose(expected, atol: 1e-6));
        // one template: just that template's unit vector
        using var bare = ZeroShotClassifier.ClassEmbeddings(Encode, ["cat", "dog"], ["{0}"]);
        using var bareExpected = tensor(new float[] { 1, 0, 0, 0, 0, 1 }).view(2, 3);
        Assert.True(bare.allclose(bareExpected, atol: 1e-6));
    }

    [Fact]
    public void ImagesGetTheMostSimilarClass()
    {
        using var classes = ZeroShotClassifier.ClassEmbeddings(Encode, ["cat", "dog"], ["{0}", "a photo of a {0}"]);
        // image 0 points at (1, 0.2, 0): cos with cat 0.83, with dog 0; image 1 at (0.1, 0, 1): cat 0.07, dog 0.995
        using var images = tensor(new float[] { 1, 0.2f, 0, 0.1f, 0, 1, 0, 1, 0.9f }).view(3, 3);
        using var predicted = ZeroShotClassifier.Predict(images, classes);
        Assert.Equal(new long[] { 0, 1, 1 }, predicted.data<long>().ToArray());   // image 2 (0, 1, 0.9): cat 0.526, dog 0.669
        using var labels = tensor(new long[] { 0, 1, 0 });
        Assert.Equal(2.0 / 3, ZeroShotClassifier.Accuracy(images, classes, labels), 10);
    }

    [Fact]
    public void TemplatesNeedAPlaceForTheName()
    {
        var e = Assert.Throws<ArgumentException>(() => ZeroShotClassifier.ClassEmbeddings(Encode, ["cat"], ["a photo"]));
        Assert.Contains("{0}", e.Message);
        using var images = zeros(2, 4);
        using var classes = zeros(3, 3);
        e = Assert.Throws<ArgumentException>(() => ZeroShotClassifier.Predict(images, classes));
        Assert.Contains("[2, 4] and [3, 3]", e.Message);
    }
}
