using System.Text.Json;
using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

/// <summary>
/// The VAE's parts. Reference values for the KL term (torch.distributions.kl_divergence) and the
/// reconstruction term (binary_cross_entropy_with_logits) come from Python PyTorch:
/// Fixtures/vae_reference.json, written once by (from the repository root)
/// /usr/bin/python3 tests/GenAI.Tests/Models/Fixtures/make_vae_reference.py > tests/GenAI.Tests/Models/Fixtures/vae_reference.json
/// </summary>
[Collection(SeededCollection.Name)]
public class VaeTests
{
    static JsonElement Reference() => ReferenceFixture.Load("Models", "vae_reference.json");

    static double[] Doubles(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array && e[0].ValueKind == JsonValueKind.Array
            ? e.EnumerateArray().SelectMany(Doubles).ToArray()
            : e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    static void AssertMatches(JsonElement expected, Tensor actual)
    {
        var want = Doubles(expected);
        var got = actual.data<double>().ToArray();
        Assert.Equal(want.Length, got.Length);
        for (int i = 0; i < want.Length; i++) Assert.Equal(want[i], got[i], 10);
    }

    [Fact]
    public void EncodeDecodeAndForwardHaveTheDocumentedShapes()
    {
        manual_seed(0);
        using var vae = new Vae(new VaeConfig(LatentDim: 3, ImageSize: 4, HiddenDim: 10));
        using var x = rand(5, 1, 4, 4);
        var (mu, logVar) = vae.Encode(x);
        using (mu)
        using (logVar)
        {
            Assert.Equal(new long[] { 5, 3 }, mu.shape);
            Assert.Equal(new long[] { 5, 3 }, logVar.shape);
            using var logits = vae.DecodeLogits(mu);
            using var images = vae.Decode(mu);
            Assert.Equal(new long[] { 5, 1, 4, 4 }, logits.shape);
            Assert.True(images.allclose(logits.sigmoid()), "Decode must be sigmoid(DecodeLogits)");
        }
        using var y = vae.call(x);
        Assert.Equal(new long[] { 5, 1, 4, 4 }, y.shape);
        Assert.Equal(["encoderHidden.weight", "encoderHidden.bias", "muHead.weight", "muHead.bias", "logVarHead.weight", "logVarHead.bias",
            "decoderHidden.weight", "decoderHidden.bias", "decoderOut.weight", "decoderOut.bias"], vae.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void KlDivergenceMatchesHandWorkedValues()
    {
        // Row 1: mu = 0, logVar = 0 is the prior itself: KL = 0.
        // Row 2: mu = (1, 0), logVar = 0: -1/2 (1 + 0 - 1 - 1) + 0 = 0.5.
        // Row 3: mu = 0, logVar = (ln 2, 0): -1/2 (1 + ln 2 - 0 - 2) = (1 - ln 2) / 2 = 0.153426.
        using var mu = tensor(new double[] { 0, 0, 1, 0, 0, 0 }, [3, 2]);
        using var logVar = tensor(new double[] { 0, 0, 0, 0, Math.Log(2), 0 }, [3, 2]);
        using var kl = Vae.KlDivergence(mu, logVar);
        var values = kl.data<double>().ToArray();
        Assert.Equal(0.0, values[0], 12);
        Assert.Equal(0.5, values[1], 12);
        Assert.Equal((1 - Math.Log(2)) / 2, values[2], 12);
    }

    [Fact]
    public void KlDivergenceMatchesPyTorchDistributions()
    {
        var reference = Reference();
        using var mu = tensor(Doubles(reference.GetProperty("mu")), [2, 3]);
        using var logVar = tensor(Doubles(reference.GetProperty("log_var")), [2, 3]);
        using var kl = Vae.KlDivergence(mu, logVar);
        AssertMatches(reference.GetProperty("kl"), kl);
    }

    [Fact]
    public void KlDivergenceMatchesAMonteCarloEstimate()
    {
        // KL(q || p) = E_q[log q(z) - log p(z)]: average it over many z drawn from q, with
        // TorchSharp's own Normal distribution giving the log-densities.
        var reference = Reference();
        using var mu = tensor(Doubles(reference.GetProperty("mu")), [2, 3]);
        using var logVar = tensor(Doubles(reference.GetProperty("log_var")), [2, 3]);
        using var g = new Generator(11);
        using var scope = NewDisposeScope();
        var sigma = logVar.mul(0.5).exp();
        var q = distributions.Normal(mu, sigma);
        var p = distributions.Normal(zeros_like(mu), ones_like(mu));
        const int samples = 200_000;
        var z = mu.unsqueeze(0).add(sigma.unsqueeze(0).mul(randn([samples, 2, 3], ScalarType.Float64, generator: g)));
        var estimate = q.log_prob(z).sub(p.log_prob(z)).sum([-1]).mean([0]);
        var closedForm = Vae.KlDivergence(mu, logVar);
        // The estimate's standard error here is below 0.005; allow 0.02.
        Assert.True(estimate.allclose(closedForm, rtol: 0, atol: 0.02),
            $"Monte-Carlo {estimate.str()} vs closed form {closedForm.str()}");
    }

    [Fact]
    public void ReconstructionLossIsSummedBinaryCrossEntropy()
    {
        // Logits 0 give p = 0.5 for every pixel: -log 0.5 = ln 2 per pixel whatever the image, 4 ln 2 for 2x2.
        using var logits = zeros(2, 1, 2, 2, ScalarType.Float64);
        using var images = tensor(new double[] { 0, 1, 0.5, 1, 0, 0, 0, 0 }, [2, 1, 2, 2]);
        using var loss = Vae.ReconstructionLoss(logits, images);
        Assert.Equal(4 * Math.Log(2), loss[0].item<double>(), 12);
        Assert.Equal(4 * Math.Log(2), loss[1].item<double>(), 12);

        var reference = Reference();
        using var refLogits = tensor(Doubles(reference.GetProperty("logits")), [2, 1, 2, 2]);
        using var refImages = tensor(Doubles(reference.GetProperty("images")), [2, 1, 2, 2]);
        using var refLoss = Vae.ReconstructionLoss(refLogits, refImages);
        AssertMatches(reference.GetProperty("bce"), refLoss);
    }

    [Fact]
    public void ReparameterisationIsMuPlusSigmaTimesEpsAndPassesGradients()
    {
        using var mu = tensor(new float[] { 1, -2 }, [1, 2]).requires_grad_();
        using var logVar = tensor(new float[] { 0, (float)Math.Log(4) }, [1, 2]).requires_grad_();
        using var g1 = new Generator(7);
        using var g2 = new Generator(7);
        using var eps = randn([1, 2], generator: g1);
        using var z = Vae.Reparameterise(mu, logVar, g2);
        // sigma = exp(logVar / 2) = (1, 2)
        using var expected = tensor(new float[] { 1, -2 }, [1, 2]).add(tensor(new float[] { 1, 2 }, [1, 2]).mul(eps));
        Assert.True(z.allclose(expected), $"z {z.str()} should be mu + sigma * eps = {expected.str()}");
        // dz/dmu = 1 and dz/dlogVar = sigma * eps / 2: the randomness no longer blocks the gradient.
        z.sum().backward();
        Assert.True(mu.grad!.allclose(ones(1, 2)));
        using var expectedLogVarGrad = tensor(new float[] { 1, 2 }, [1, 2]).mul(eps).div(2);
        Assert.True(logVar.grad!.allclose(expectedLogVarGrad), $"{logVar.grad!.str()} vs {expectedLogVarGrad.str()}");
    }

    [Fact]
    public void ReparameterisedSamplesHaveMeanMuAndStandardDeviationSigma()
    {
        using var g = new Generator(3);
        using var mu = full(new long[] { 100_000, 1 }, 2.0f);
        using var logVar = full(new long[] { 100_000, 1 }, (float)Math.Log(0.25));
        using var z = Vae.Reparameterise(mu, logVar, g);
        Assert.Equal(2.0, z.mean().item<float>(), 2);
        Assert.Equal(0.5, z.std().item<float>(), 2);
    }

    [Fact]
    public void LossIsReconstructionPlusBetaTimesKl()
    {
        manual_seed(2);
        using var vae = new Vae(new VaeConfig(LatentDim: 2, ImageSize: 4, HiddenDim: 8, Beta: 0.5));
        using var x = rand(6, 1, 4, 4);
        using var g = new Generator(9);
        using var loss = vae.Loss(x, g);
        Assert.Equal(0, loss.Total.ndim);
        Assert.Equal(loss.Reconstruction.item<float>() + 0.5 * loss.Kl.item<float>(), loss.Total.item<float>(), 4);
        // The KL part does not depend on the draw: recompute it from the encoder.
        var (mu, logVar) = vae.Encode(x);
        using (mu)
        using (logVar)
        using (var kl = Vae.KlDivergence(mu, logVar).mean())
            Assert.Equal(kl.item<float>(), loss.Kl.item<float>(), 5);
        Assert.True(loss.Kl.item<float>() >= 0 && loss.Reconstruction.item<float>() > 0);
    }

    [Fact]
    public void WrongShapesAreClearErrors()
    {
        using var vae = new Vae(new VaeConfig(LatentDim: 2, ImageSize: 4, HiddenDim: 8));
        using var flat = zeros(3, 16);
        var e = Assert.Throws<ArgumentException>(() => vae.Encode(flat));
        Assert.Contains("[N, 1, 4, 4]", e.Message);
        Assert.Contains("[3, 16]", e.Message);
        using var codes = zeros(3, 5);
        e = Assert.Throws<ArgumentException>(() => vae.Decode(codes));
        Assert.Contains("latent size 2", e.Message);
        Assert.Contains("[3, 5]", e.Message);
        using var mu = zeros(3, 2);
        using var logVar = zeros(3, 3);
        e = Assert.Throws<ArgumentException>(() => Vae.KlDivergence(mu, logVar));
        Assert.Contains("mu [3, 2]", e.Message);
        Assert.Contains("logVar [3, 3]", e.Message);
        Assert.Throws<ArgumentException>(() => Vae.Reparameterise(mu, logVar));
        using var logits = zeros(3, 1, 4, 4);
        using var images = zeros(3, 1, 2, 2);
        e = Assert.Throws<ArgumentException>(() => Vae.ReconstructionLoss(logits, images));
        Assert.Contains("[3, 1, 4, 4]", e.Message);
        Assert.Contains("[3, 1, 2, 2]", e.Message);
    }

    [Fact]
    public void NegativeBetaIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new Vae(new VaeConfig(Beta: -1)));
        Assert.Contains("Beta", e.Message);
    }
}
