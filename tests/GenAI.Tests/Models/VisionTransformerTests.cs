using GenAI.Models;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

[Collection(SeededCollection.Name)]
public class VisionTransformerTests
{
    static readonly VisionTransformerConfig Small = new(ImageSize: 8, PatchSize: 4, InChannels: 1, ModelDim: 16, Layers: 2, Heads: 2, FfnDim: 32, Classes: 3);

    [Fact]
    public void ForwardMapsImagesToLogitsAndTokensHaveTheClassTokenInFront()
    {
        manual_seed(0);
        using var model = new VisionTransformer(Small);
        using var images = rand(5, 1, 8, 8);
        using var logits = model.call(images);
        Assert.Equal(new long[] { 5, 3 }, logits.shape);
        using var tokens = model.Tokens(images);
        Assert.Equal(new long[] { 5, 4 + 1, 16 }, tokens.shape);
        // Position 0 is the class token plus its position embedding, the same for every image.
        Assert.True(tokens[0, 0].allclose(tokens[4, 0]), "the class token must not depend on the image");
        Assert.False(tokens[0, 1].allclose(tokens[4, 1]), "patch tokens must depend on the image");
    }

    [Fact]
    public void PatchTokensEqualALinearMapOfTheReshapedPatches()
    {
        // The strided convolution (kernel = stride = P) must equal x E + b on the flattened patches in raster order.
        manual_seed(1);
        using var model = new VisionTransformer(Small);
        using var images = rand(2, 1, 8, 8);
        using var scope = NewDisposeScope();
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var weight = parameters["patchEmbedding.weight"];   // [D, 1, P, P]
        var bias = parameters["patchEmbedding.bias"];
        var position = parameters["positionEmbedding"];     // [1, N + 1, D]
        var patches = images.reshape(2, 2, 4, 2, 4).permute(0, 1, 3, 2, 4).reshape(2, 4, 16);   // [B, N, P*P]
        var expected = nn.functional.linear(patches, weight.view(16, 16), bias).add(position[.., 1..]);
        Assert.True(model.Tokens(images)[.., 1..].allclose(expected, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void AnImagesLogitsDoNotDependOnTheOtherImagesInTheBatch()
    {
        // Catches a mix-up of the batch and sequence axes (or a mask leaking across images) in the encoder.
        manual_seed(2);
        using var model = new VisionTransformer(Small);
        model.eval();
        using var images = rand(4, 1, 8, 8);
        using var batch = model.call(images);
        using var alone = model.call(images[2..3]);
        Assert.True(batch[2..3].allclose(alone, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void AttentionMapsAreDistributionsAndTheClassTokenMapIsTheLastBlocksFirstRow()
    {
        manual_seed(3);
        using var model = new VisionTransformer(Small);
        using var images = rand(3, 1, 8, 8);
        using var maps = model.AttentionMaps(images);
        Assert.Equal(new long[] { 2, 3, 5, 5 }, maps.shape);
        using var sums = maps.sum(-1);
        Assert.True(sums.allclose(ones_like(sums), rtol: 1e-5, atol: 1e-5), "every attention row must sum to 1");
        using var classMap = model.ClassTokenAttention(images);
        Assert.Equal(new long[] { 3, 2, 2 }, classMap.shape);
        Assert.True(classMap.flatten(1).allclose(maps[-1, .., 0, 1..]));
    }

    [Fact]
    public void ParametersAreListedAsPyTorchListsThem()
    {
        // As in PyTorch: the module's own parameters first (in field order), then each submodule's in field order.
        using var model = new VisionTransformer(Small);
        var names = model.named_parameters().Select(p => p.name).ToList();
        Assert.Equal(["classToken", "positionEmbedding", "patchEmbedding.weight", "patchEmbedding.bias"], names.Take(4));
        Assert.Equal(["encoder.norm.weight", "encoder.norm.bias", "head.weight", "head.bias"], names.TakeLast(4));
        // the encoder is the shared transformer: blocks of norm1, attention (q/k/v/out projections), norm2, ffn
        Assert.Contains("encoder.blocks.1.attention.q_proj.weight", names);
        Assert.Contains("encoder.blocks.1.ffn.fc2.weight", names);
        Assert.Equal(Small.Layers * Small.BlockConfig.ParametersPerBlock, model.named_parameters().Where(p => p.name.StartsWith("encoder.blocks.")).Sum(p => p.parameter.numel()));
    }

    [Fact]
    public void LearnsWhichHalfOfTheImageIsBright()
    {
        manual_seed(4);
        var (images, labels) = HalfBrightImages.Make(48);
        using (images)
        using (labels)
        using (var model = new VisionTransformer(Small with { Classes = 2 }))
        using (var optimizer = optim.AdamW(model.parameters(), lr: 3e-3))
            Assert.Equal(48, HalfBrightImages.FitAndCountCorrect(model, optimizer, images, labels, steps: 60));
    }

    [Fact]
    public void WrongImageShapeIsAClearError()
    {
        using var model = new VisionTransformer(Small);
        using var images = zeros(2, 1, 9, 9);
        var e = Assert.Throws<ArgumentException>(() => model.call(images));
        Assert.Equal("images", e.ParamName);
        Assert.Contains("[2, 1, 9, 9]", e.Message);
        Assert.Contains("[B, 1, 8, 8]", e.Message);
    }

    [Fact]
    public void ConfigsThatCannotWorkAreClearErrors()
    {
        var e = Assert.Throws<ArgumentException>(() => new VisionTransformer(Small with { PatchSize = 3 }));
        Assert.Contains("PatchSize 3 must divide ImageSize 8", e.Message);
        Assert.Equal("PatchSize", e.ParamName);
        var e2 = Assert.Throws<ArgumentException>(() => new VisionTransformer(Small with { Heads = 3 }));
        Assert.Contains("Heads 3 must divide ModelDim 16", e2.Message);
        Assert.Equal("FfnDim", Assert.Throws<ArgumentException>(() => new VisionTransformer(Small with { FfnDim = 0 })).ParamName);
        Assert.Equal("Classes", Assert.Throws<ArgumentException>(() => new VisionTransformer(Small with { Classes = 1 })).ParamName);
    }
}
