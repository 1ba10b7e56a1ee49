using GenAI.Data;
using GenAI.Models;
using static TorchSharp.torch;

namespace GenAI.Tests.Models.Multimodal;

public class MixedTokenStreamTests
{
    [Fact]
    public void TheVocabularyIsTextThenGreyLevelsThenTwoMarkers()
    {
        var s = new MixedTokenStream(textVocabSize: 5, levels: 4, pixels: 3);
        Assert.Equal((5L, 9L, 10L, 11), (s.ImageOffset, s.ImageMarker, s.TextMarker, s.VocabSize));
        // levels: round(x * 3): 0 -> 0, 0.4 -> 1, 0.9 -> 3
        using var pixels = tensor(new float[] { 0, 0.4f, 0.9f, 1, 0.5f, 0.2f }).view(2, 3);
        using var text = tensor(new long[] { 3, 4 }).view(2, 1);
        using var caption = s.CaptionSequences(pixels, text);
        Assert.Equal(new long[] { 9, 5, 6, 8, 10, 3, 9, 8, 7, 6, 10, 4 }, caption.data<long>().ToArray());   // 0.5*3 = 1.5 rounds to 2 (half to even)
        using var draw = s.DrawSequences(text, pixels);
        Assert.Equal(new long[] { 10, 3, 9, 5, 6, 8 }, draw[0].data<long>().ToArray());
    }

    [Fact]
    public void QuantisingLosesAtMostHalfAStep()
    {
        var s = new MixedTokenStream(5, levels: 4, pixels: 64);
        using var pixels = rand(10, 64);
        using var back = s.Dequantise(s.Quantise(pixels));
        Assert.True(back.sub(pixels).abs().max().item<float>() <= 0.5f / 3 + 1e-6f);
    }

    [Fact]
    public void GenerationStaysInsideTheRequestedModality()
    {
        var s = new MixedTokenStream(5, levels: 4, pixels: 2);
        // a "model" that always prefers token 0 (text), then 10 (a marker), then 6 (grey level 1)
        using var preference = tensor(new float[] { 9, 0, 0, 0, 0, 0, 5, 0, 0, 0, 8 });
        var image = s.Generate(_ => preference.clone(), [s.TextMarker], 2, Modality.Image);
        Assert.Equal(new long[] { 6, 6 }, image);
        var text = s.Generate(_ => preference.clone(), [s.ImageMarker], 1, Modality.Text);
        Assert.Equal(new long[] { 0 }, text);
        using var px = s.TokensToPixels(image);
        Assert.Equal(new[] { 1f / 3, 1f / 3 }, px.data<float>().ToArray());
        var e = Assert.Throws<ArgumentException>(() => s.TokensToPixels([3]));
        Assert.Contains("not an image token", e.Message);
    }
}
