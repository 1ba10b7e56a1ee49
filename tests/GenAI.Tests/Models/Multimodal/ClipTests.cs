using GenAI.Metrics;
using GenAI.Models;
using static TorchSharp.torch;

namespace GenAI.Tests.Models.Multimodal;

[Collection(SeededCollection.Name)]
public class ClipTests
{
    static readonly ClipConfig Tiny = new(VocabSize: 12, ContextLength: 6, ModelDim: 16, Layers: 1, Heads: 2, FfnDim: 32, EmbedDim: 8,
        Image: new ImageEncoderConfig(ImageSize: 8, Channels: 4, ModelDim: 16));

    [Fact]
    public void EmbeddingsAreUnitVectorsInOneSpace()
    {
        manual_seed(3);
        using var clip = new Clip(Tiny);
        using var images = rand(5, 64);
        using var texts = tensor(new long[] { 3, 4, 5, 0, 0, 0, 6, 0, 0, 0, 0, 0, 7, 8, 9, 10, 11, 3, 4, 4, 0, 0, 0, 0, 5, 5, 5, 5, 0, 0 }).view(5, 6);
        using var i = clip.EncodeImages(images);
        using var t = clip.EncodeTexts(texts);
        Assert.Equal(new long[] { 5, 8 }, i.shape);
        Assert.Equal(new long[] { 5, 8 }, t.shape);
        Assert.True(i.norm(1).allclose(ones(5), atol: 1e-5));
        Assert.True(t.norm(1).allclose(ones(5), atol: 1e-5));
        // logits = s * I T^T with s = 1/0.07 at the start; the loss is the symmetric InfoNCE of them
        using var logits = clip.call(images, texts);
        Assert.Equal(1 / 0.07, clip.LogitScale().item<float>(), 3);
        Assert.True(logits.allclose(i.mm(t.t()).mul(1 / 0.07), atol: 1e-4));
        using var loss = clip.Loss(images, texts);
        using var expected = ContrastiveLoss.SymmetricInfoNce(logits);
        Assert.Equal(expected.item<float>(), loss.item<float>(), 5);
    }

    [Fact]
    public void PaddingDoesNotChangeATextsEmbedding()
    {
        manual_seed(4);
        using var clip = new Clip(Tiny);
        clip.eval();
        using var a = tensor(new long[] { 3, 4, 5 }).view(1, 3);
        using var b = tensor(new long[] { 3, 4, 5, 0, 0, 0 }).view(1, 6);
        using var ea = clip.EncodeTexts(a);
        using var eb = clip.EncodeTexts(b);
        Assert.True(ea.allclose(eb, atol: 1e-5));
        using var c = tensor(new long[] { 3, 4, 6 }).view(1, 3);
        using var ec = clip.EncodeTexts(c);
        Assert.False(ea.allclose(ec, atol: 1e-4));
    }

    [Fact]
    public void TheTemperatureIsKeptAsALogAndClampedAt100()
    {
        manual_seed(5);
        using var clip = new Clip(Tiny);
        Assert.Equal(Math.Log(1 / 0.07), clip.LogLogitScale.item<float>(), 5);
        using (no_grad()) clip.LogLogitScale.fill_(Math.Log(1000));
        Assert.Equal(100.0, clip.LogitScale().item<float>(), 3);
        // above the clamp the scale gets no gradient (it cannot grow further); below it, it does
        using var images = rand(3, 64);
        using var texts = tensor(new long[] { 3, 4, 5, 6, 7, 8 }).view(3, 2);
        clip.Loss(images, texts).backward();
        Assert.Equal(0.0, clip.LogLogitScale.grad!.item<float>());
        clip.zero_grad();
        using (no_grad()) clip.LogLogitScale.fill_(Math.Log(10));
        clip.Loss(images, texts).backward();
        Assert.NotEqual(0.0, clip.LogLogitScale.grad!.item<float>());
    }

    [Fact]
    public void AFrozenTextTowerReadsSentenceVectors()
    {
        manual_seed(6);
        using var clip = new Clip(Tiny with { FrozenTextDim = 10 });
        using var vectors = randn(4, 10);
        using var t = clip.EncodeTexts(vectors);
        Assert.Equal(new long[] { 4, 8 }, t.shape);
        using var ids = ones(4, 3, dtype: ScalarType.Int64);
        var e = Assert.Throws<ArgumentException>(() => clip.EncodeTexts(ids));
        Assert.Contains("float32 [B, 10]", e.Message);
    }

    [Fact]
    public void BadInputsAndConfigsAreNamed()
    {
        using var clip = new Clip(Tiny);
        using var images = rand(2, 1, 7, 7);
        var e = Assert.Throws<ArgumentException>(() => clip.EncodeImages(images));
        Assert.Contains("[B, 1, 8, 8] or [B, 64]; got [2, 1, 7, 7]", e.Message);
        using var longText = ones(1, 7, dtype: ScalarType.Int64);
        e = Assert.Throws<ArgumentException>(() => clip.EncodeTexts(longText));
        Assert.Contains("ContextLength is 6", e.Message);
        e = Assert.Throws<ArgumentException>(() => new Clip(Tiny with { InitialTemperature = 0.001 }));
        Assert.Contains("MaxLogitScale", e.Message);
        e = Assert.Throws<ArgumentException>(() => new Clip(Tiny with { EmbedDim = 0 }));
        Assert.Contains("ClipConfig.EmbedDim must be at least 1; got 0", e.Message);
        e = Assert.Throws<ArgumentException>(() => new ImageEncoder(new ImageEncoderConfig(ImageSize: 10, Pools: 2)));
        Assert.Contains("ImageSize", e.Message);
    }

    [Fact]
    public void ContrastiveTrainingPairsImagesWithTheirTexts()
    {
        // 4 "classes": an image lit in one quadrant, its text a single distinct token. After training every image's most
        // similar text is its own and recall@1 both ways is 1.
        manual_seed(7);
        using var clip = new Clip(Tiny);
        using var images = zeros(4, 1, 8, 8);
        for (int c = 0; c < 4; c++) images[c, 0].narrow(0, c / 2 * 4, 4).narrow(1, c % 2 * 4, 4).fill_(1f);
        using var texts = tensor(new long[] { 3, 4, 5, 6 }).view(4, 1);
        var optimizer = optim.Adam(clip.parameters(), lr: 0.01);
        double first = 0, last = 0;
        for (int step = 0; step < 60; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = clip.Loss(images, texts);
            if (step == 0) first = loss.item<float>();
            last = loss.item<float>();
            loss.backward();
            optimizer.step();
        }
        Assert.True(last < first / 10, $"loss {first} -> {last}");
        clip.eval();
        using var s = clip.EncodeTexts(texts).mm(clip.EncodeImages(images).t());
        using var labels = arange(4, dtype: ScalarType.Int64);
        Assert.Equal(1.0, CrossModalRetrieval.RecallAtK(s, labels, labels, 1));
        Assert.Equal(1.0, CrossModalRetrieval.RecallAtK(s.t(), labels, labels, 1));
    }
}
