using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

[Collection(SeededCollection.Name)]
public class GanTests
{
    static readonly MlpGanConfig Mlp = new(LatentDim: 8, ImageSize: 8, HiddenDim: 16);
    static readonly DcganConfig Dc = new(LatentDim: 8, ImageSize: 8, Channels: 4);

    static Dictionary<string, Tensor> Copy(nn.Module m) => m.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());

    [Fact]
    public void GeneratorsMapNoiseToImagesInTanhRangeAndDiscriminatorsToOneLogit()
    {
        manual_seed(0);
        using var z = randn(5, 8);
        foreach (var (g, d) in new (nn.Module<Tensor, Tensor>, nn.Module<Tensor, Tensor>)[]
                 { (new MlpGenerator(Mlp), new MlpDiscriminator(Mlp)), (new DcganGenerator(Dc), new DcganDiscriminator(Dc)) })
        {
            using var images = g.call(z);
            Assert.Equal(new long[] { 5, 1, 8, 8 }, images.shape);
            Assert.True(images.abs().max().item<float>() <= 1);
            using var logits = d.call(images);
            Assert.Equal(new long[] { 5 }, logits.shape);
        }
        // 28x28: 7 -> 14 -> 28 through the two transposed convolutions
        using var big = new DcganGenerator(new DcganConfig(LatentDim: 8, Channels: 2)).call(z);
        Assert.Equal(new long[] { 5, 1, 28, 28 }, big.shape);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DiscriminatorStepGivesTheGeneratorNoGradientAndGeneratorStepLeavesTheDiscriminatorUnchanged(bool dcgan)
    {
        manual_seed(1);
        nn.Module<Tensor, Tensor> g = dcgan ? new DcganGenerator(Dc) : new MlpGenerator(Mlp);
        nn.Module<Tensor, Tensor> d = dcgan ? new DcganDiscriminator(Dc) : new MlpDiscriminator(Mlp);
        var gOpt = optim.Adam(g.parameters(), lr: 1e-2);
        var dOpt = optim.Adam(d.parameters(), lr: 1e-2);
        var gan = new GanTraining(g, d, gOpt, dOpt, 8);
        using var real = rand(6, 1, 8, 8) * 2 - 1;
        using var noise = new Generator(2);

        var gBefore = Copy(g);
        var dBefore = Copy(d);
        gan.DiscriminatorStep(real, noise);
        Assert.All(g.parameters(), p => Assert.True(p.grad is null || p.grad.abs().sum().item<float>() == 0, "generator got a gradient in the discriminator step"));
        Assert.All(g.named_parameters(), p => Assert.True(p.parameter.eq(gBefore[p.name]).all().item<bool>()));
        Assert.Contains(d.named_parameters(), p => !p.parameter.eq(dBefore[p.name]).all().item<bool>());   // D did learn

        var dAfterD = Copy(d);
        var (_, norm) = gan.GeneratorStep(6, noise);
        Assert.All(d.named_parameters(), p => Assert.True(p.parameter.eq(dAfterD[p.name]).all().item<bool>(), $"{p.name} changed in the generator step"));
        Assert.All(d.parameters(), p => Assert.True(p.grad is null || p.grad.abs().sum().item<float>() == 0, "discriminator got a gradient in the generator step"));
        Assert.All(d.parameters(), p => Assert.True(p.requires_grad));   // unfrozen again
        Assert.Contains(g.named_parameters(), p => !p.parameter.eq(gBefore[p.name]).all().item<bool>());
        Assert.True(norm > 0);
        Assert.Equal(GanTraining.GradientNorm(g), norm, 5);
    }

    [Fact]
    public void LossesMatchTheirFormulas()
    {
        // A discriminator that ignores its input and answers logit l: D = sigmoid(l) for every image.
        manual_seed(3);
        var g = new MlpGenerator(Mlp);
        var d = new ConstantLogit(2.0);
        foreach (var kind in new[] { GeneratorLoss.NonSaturating, GeneratorLoss.Saturating })
        {
            var gan = new GanTraining(g, d, optim.SGD(g.parameters(), 0.0), optim.SGD(d.parameters(), 0.0), 8, new GanTrainingOptions(kind, RealLabel: 0.9));
            using var real = zeros(4, 1, 8, 8);
            var (dLoss, realScore, fakeScore) = gan.DiscriminatorStep(real);
            double p = 1 / (1 + Math.Exp(-2.0));
            // L_D = −[0.9 log p + 0.1 log(1 − p)] − log(1 − p)
            Assert.Equal(-(0.9 * Math.Log(p) + 0.1 * Math.Log(1 - p)) - Math.Log(1 - p), dLoss, 5);
            Assert.Equal(p, realScore, 5);
            Assert.Equal(p, fakeScore, 5);
            var (gLoss, _) = gan.GeneratorStep(4);
            Assert.Equal(kind == GeneratorLoss.NonSaturating ? -Math.Log(p) : Math.Log(1 - p), gLoss, 5);
        }
    }

    [Fact]
    public void SaturatingGradientVanishesWhenTheDiscriminatorRejectsTheFakes()
    {
        // d/dl of log(1 − sigmoid(l)) is −sigmoid(l) -> 0 as l -> −∞; d/dl of −log sigmoid(l) is sigmoid(l) − 1 -> −1.
        manual_seed(4);
        var g = new MlpGenerator(Mlp);
        var d = new ScaledSum(-20.0);   // logit −20 (+ a small input-dependent part): D(G(z)) ≈ 2e−9
        double Norm(GeneratorLoss kind) =>
            new GanTraining(g, d, optim.SGD(g.parameters(), 0.0), optim.SGD(d.parameters(), 0.0), 8, new GanTrainingOptions(kind)).GeneratorStep(16).GradientNorm;
        double saturating = Norm(GeneratorLoss.Saturating), nonSaturating = Norm(GeneratorLoss.NonSaturating);
        Assert.True(nonSaturating > 1e6 * saturating, $"non-saturating {nonSaturating}, saturating {saturating}");
    }

    [Fact]
    public void GradientProbeMatchesTheHandWorkedNormsAndChangesNoWeights()
    {
        // G makes the same image b for every z; D's logit is mean(x) + c. With b = 0 every logit is c, ∂l/∂b_j = 1/S²,
        // so ‖∇_b log(1 − σ(l))‖ = σ(c) / S and ‖∇_b −log σ(l)‖ = (1 − σ(c)) / S. Here c = −3, S = 8.
        var g = new ConstantImage(8);
        var d = new ScaledSum(-3.0);
        var gan = new GanTraining(g, d, optim.Adam(g.parameters(), 0.1), optim.Adam(d.parameters(), 0.1), 8);
        using var z = randn(5, 8);
        double sigma = 1 / (1 + Math.Exp(3.0));
        Assert.Equal(sigma / 8, gan.GeneratorGradientNorm(GeneratorLoss.Saturating, z), 6);
        Assert.Equal((1 - sigma) / 8, gan.GeneratorGradientNorm(GeneratorLoss.NonSaturating, z), 6);
        Assert.True(g.parameters().All(p => p.eq(0).all().item<bool>()), "the probe must not step the generator");
        Assert.True(d.parameters().All(p => p.eq(-3).all().item<bool>()), "the probe must not change the discriminator");
        using var wrong = randn(5, 7);
        Assert.Contains("[n, 8]", Assert.Throws<ArgumentException>(() => gan.GeneratorGradientNorm(GeneratorLoss.Saturating, wrong)).Message);
    }

    [Fact]
    public void ConfigsNameTheirBadField()
    {
        Assert.Contains("ImageSize", Assert.Throws<ArgumentException>(() => new DcganGenerator(new DcganConfig(ImageSize: 30))).Message);
        Assert.Contains("Dropout", Assert.Throws<ArgumentException>(() => new MlpDiscriminator(new MlpGanConfig(Dropout: 1))).Message);
        Assert.Contains("RealLabel", Assert.Throws<ArgumentException>(() => new GanTrainingOptions(RealLabel: 0.3).Validate()).Message);
        using var wrong = zeros(2, 7);
        Assert.Contains("[B, 8]", Assert.Throws<ArgumentException>(() => new MlpGenerator(Mlp).call(wrong)).Message);
        using var flat = zeros(2, 64);
        Assert.Contains("[B, 1, 8, 8]", Assert.Throws<ArgumentException>(() => new DcganDiscriminator(Dc).call(flat)).Message);
    }

    sealed class ConstantLogit : nn.Module<Tensor, Tensor>
    {
        readonly TorchSharp.Modules.Parameter bias;
        public ConstantLogit(double logit) : base(nameof(ConstantLogit))
        {
            bias = nn.Parameter(tensor(new float[] { (float)logit }));
            RegisterComponents();
        }
        public override Tensor forward(Tensor x) => (x.flatten(1).sum(1) * 0) + bias;
    }

    sealed class ConstantImage : nn.Module<Tensor, Tensor>
    {
        readonly TorchSharp.Modules.Parameter image;
        public ConstantImage(int side) : base(nameof(ConstantImage))
        {
            image = nn.Parameter(zeros(1, 1, side, side));
            RegisterComponents();
        }
        public override Tensor forward(Tensor z) => image.expand(z.shape[0], 1, image.shape[2], image.shape[3]);
    }

    sealed class ScaledSum : nn.Module<Tensor, Tensor>
    {
        readonly TorchSharp.Modules.Parameter bias;
        public ScaledSum(double logit) : base(nameof(ScaledSum))
        {
            bias = nn.Parameter(tensor(new float[] { (float)logit }));
            RegisterComponents();
        }
        public override Tensor forward(Tensor x) => x.flatten(1).mean(new long[] { 1 }) + bias;
    }
}
