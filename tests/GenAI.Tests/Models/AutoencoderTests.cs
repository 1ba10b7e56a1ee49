using GenAI.Models;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

[Collection(SeededCollection.Name)]
public class AutoencoderTests
{
    [Theory]
    [InlineData(AutoencoderKind.Dense)]
    [InlineData(AutoencoderKind.Convolutional)]
    public void EncodeDecodeAndForwardHaveTheDocumentedShapes(AutoencoderKind kind)
    {
        manual_seed(0);
        using var model = Autoencoder.Create(new AutoencoderConfig(LatentDim: 5, Kind: kind, ImageSize: 8, HiddenDim: 12, Channels: 3));
        using var x = rand(4, 1, 8, 8);
        using var z = model.Encode(x);
        using var back = model.Decode(z);
        using var y = model.call(x);
        Assert.Equal(new long[] { 4, 5 }, z.shape);
        Assert.Equal(new long[] { 4, 1, 8, 8 }, back.shape);
        Assert.Equal(new long[] { 4, 1, 8, 8 }, y.shape);
        Assert.True(y.allclose(back), "forward must be Decode(Encode(x))");
        // The sigmoid keeps every pixel strictly between 0 and 1, like the data.
        Assert.True(y.gt(0).all().item<bool>() && y.lt(1).all().item<bool>());
    }

    [Fact]
    public void DenseParameterCountFollowsTheFormula()
    {
        // (S²H + H) + (Hd + d) + (dH + H) + (HS² + S²) with S = 28, H = 256, d = 16:
        // 200 960 + 4 112 + 4 352 + 201 488 = 410 912
        using var model = Autoencoder.Create(new AutoencoderConfig(LatentDim: 16));
        Assert.Equal(410_912, model.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void ConvolutionalParameterCountFollowsTheLayers()
    {
        // c = 16, S = 28, d = 16: conv1 1*16*9+16 = 160, conv2 16*32*9+32 = 4 640,
        // toLatent 32*7*7*16+16 = 25 104, fromLatent 16*1568+1568 = 26 656,
        // deconv1 32*16*9+16 = 4 624, deconv2 16*1*9+1 = 145; total 61 329.
        using var model = Autoencoder.Create(new AutoencoderConfig(LatentDim: 16, Kind: AutoencoderKind.Convolutional));
        Assert.Equal(61_329, model.parameters().Sum(p => p.numel()));
        Assert.Equal(["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "toLatent.weight", "toLatent.bias",
            "fromLatent.weight", "fromLatent.bias", "deconv1.weight", "deconv1.bias", "deconv2.weight", "deconv2.bias"],
            model.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void ReconstructionErrorIsTheMeanSquaredErrorPerImage()
    {
        // With the last layer's weights and bias at zero, every output pixel is sigmoid(0) = 0.5.
        using var model = Autoencoder.Create(new AutoencoderConfig(LatentDim: 2, ImageSize: 2, HiddenDim: 3));
        using (no_grad())
            foreach (var (name, p) in model.named_parameters())
                if (name.StartsWith("decoderOut")) p.zero_();
        // Image 1: all black -> (0 - 0.5)² = 0.25 per pixel. Image 2: [0, 1, 0.5, 0.5] -> (0.25 + 0.25 + 0 + 0) / 4 = 0.125.
        using var x = tensor(new float[] { 0, 0, 0, 0, 0, 1, 0.5f, 0.5f }, [2, 1, 2, 2]);
        using var error = model.ReconstructionError(x);
        Assert.Equal(new[] { 0.25f, 0.125f }, error.data<float>().ToArray());
        // Compared with another target: a clean all-0.5 image is rebuilt exactly from any input.
        using var clean = full(new long[] { 2, 1, 2, 2 }, 0.5f);
        using var denoised = model.ReconstructionError(x, clean);
        Assert.Equal(new[] { 0f, 0f }, denoised.data<float>().ToArray());
    }

    [Fact]
    public void ReconstructionErrorAgreesWithMseLossOnATrainedLookingModel()
    {
        manual_seed(3);
        using var model = Autoencoder.Create(new AutoencoderConfig(LatentDim: 3, Kind: AutoencoderKind.Convolutional, ImageSize: 8, Channels: 2));
        using var x = rand(5, 1, 8, 8);
        using var perImage = model.ReconstructionError(x);
        using var y = model.call(x);
        using var reference = nn.functional.mse_loss(y, x);
        // The mean of per-image means equals TorchSharp's mean over all pixels (equal pixel counts).
        Assert.Equal(reference.item<float>(), perImage.mean().item<float>(), 5);
    }

    [Theory]
    [InlineData(AutoencoderKind.Dense)]
    [InlineData(AutoencoderKind.Convolutional)]
    public void WrongImageShapeIsAClearError(AutoencoderKind kind)
    {
        using var model = Autoencoder.Create(new AutoencoderConfig(LatentDim: 4, Kind: kind, ImageSize: 8, HiddenDim: 6, Channels: 2));
        using var flat = zeros(3, 64);
        var e = Assert.Throws<ArgumentException>(() => model.call(flat));
        Assert.Contains("[N, 1, 8, 8]", e.Message);
        Assert.Contains("[3, 64]", e.Message);
        Assert.Equal("images", e.ParamName);
        using var wrongSize = zeros(3, 1, 28, 28);
        Assert.Contains("[3, 1, 28, 28]", Assert.Throws<ArgumentException>(() => model.Encode(wrongSize)).Message);
    }

    [Fact]
    public void WrongCodeShapeIsAClearError()
    {
        using var model = Autoencoder.Create(new AutoencoderConfig(LatentDim: 4, ImageSize: 8));
        using var z = zeros(3, 2);
        var e = Assert.Throws<ArgumentException>(() => model.Decode(z));
        Assert.Contains("latent size 4", e.Message);
        Assert.Contains("[3, 2]", e.Message);
    }

    [Fact]
    public void TargetOfAnotherShapeIsAClearError()
    {
        using var model = Autoencoder.Create(new AutoencoderConfig(LatentDim: 4, ImageSize: 8));
        using var x = zeros(3, 1, 8, 8);
        using var target = zeros(2, 1, 8, 8);
        var e = Assert.Throws<ArgumentException>(() => model.ReconstructionError(x, target));
        Assert.Contains("[3, 1, 8, 8]", e.Message);
        Assert.Contains("[2, 1, 8, 8]", e.Message);
    }

    [Fact]
    public void ConvolutionalNeedsAnImageSizeDivisibleByFour()
    {
        var e = Assert.Throws<ArgumentException>(() => Autoencoder.Create(new AutoencoderConfig(LatentDim: 4, Kind: AutoencoderKind.Convolutional, ImageSize: 10)));
        Assert.Contains("divisible by 4", e.Message);
        Assert.Contains("10", e.Message);
    }

    [Fact]
    public void LearnsToReconstructAFewImages()
    {
        manual_seed(5);
        using var model = Autoencoder.Create(new AutoencoderConfig(LatentDim: 2, ImageSize: 4, HiddenDim: 16));
        // Two patterns: left half lit and top half lit. A 2-number code can tell them apart.
        using var x = tensor(new float[] { 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0,
                                           1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0 }, [2, 1, 4, 4]);
        double before = model.ReconstructionError(x).mean().item<float>();
        using var optimizer = optim.Adam(model.parameters(), lr: 0.01);
        for (int step = 0; step < 300; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            nn.functional.mse_loss(model.call(x), x).backward();
            optimizer.step();
        }
        double after = model.ReconstructionError(x).mean().item<float>();
        Assert.True(before > 0.2 && after < 0.01, $"error should fall from about 0.25 to near 0; went from {before:F4} to {after:F4}");
    }
}
