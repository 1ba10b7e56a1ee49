using GenAI.Adaptation;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Adaptation;

public class DistillationTests
{
    [Fact]
    public void MatchesAHandWorkedValue()
    {
        // z_s = [0, 0], z_t = [0, ln 3], y = 0, T = 1: p_s = [1/2, 1/2], p_t = [1/4, 3/4]
        // KL(p_t || p_s) = 1/4 ln(1/2) + 3/4 ln(3/2) = 3/4 ln 3 - ln 2; CE = ln 2
        using var zs = tensor(new float[] { 0, 0 }).view(1, 2);
        using var zt = tensor(new float[] { 0, (float)Math.Log(3) }).view(1, 2);
        using var y = tensor(new long[] { 0 });
        double kl = 0.75 * Math.Log(3) - Math.Log(2);
        using var soft = Distillation.SoftTargetLoss(zs, zt, 1);
        Assert.Equal(kl, soft.item<float>(), 5);
        // alpha = 0.25: 0.25 * 1 * KL + 0.75 * ln 2
        using var loss = Distillation.Loss(zs, zt, y, temperature: 1, alpha: 0.25);
        Assert.Equal(0.25 * kl + 0.75 * Math.Log(2), loss.item<float>(), 5);
        // T = 2 scales the KL term by T² = 4 (here with the logits halved inside the softmax)
        using var zs2 = zs.mul(2);
        using var zt2 = zt.mul(2);
        using var loss2 = Distillation.Loss(zs2, zt2, y, temperature: 2, alpha: 1);
        Assert.Equal(4 * kl, loss2.item<float>(), 5);
    }

    [Fact]
    public void AgreesWithTorchSharpKlDiv()
    {
        using var g = new Generator(3);
        using var zs = randn(6, 5, generator: g);
        using var zt = randn(6, 5, generator: g).mul(3);
        using var y = randint(5, [6], generator: g);
        double T = 2.5, alpha = 0.7;
        using var ours = Distillation.Loss(zs, zt, y, T, alpha);
        // kl_div(log q, log p, log_target) summed over classes and batch, divided by B ("batchmean")
        using var kl = nn.functional.kl_div(nn.functional.log_softmax(zs.div(T), 1), nn.functional.log_softmax(zt.div(T), 1),
            log_target: true, reduction: nn.Reduction.Sum).div(6);
        using var ce = nn.functional.cross_entropy(zs, y);
        double expected = alpha * T * T * kl.item<float>() + (1 - alpha) * ce.item<float>();
        Assert.Equal(expected, ours.item<float>(), 4);
    }

    [Fact]
    public void TeacherGetsNoGradient()
    {
        using var zs = randn(3, 4).requires_grad_(true);
        using var zt = randn(3, 4).requires_grad_(true);
        using var loss = Distillation.Loss(zs, zt, tensor(new long[] { 0, 1, 2 }), 2, 0.5);
        loss.backward();
        Assert.NotNull(zs.grad);
        Assert.Null(zt.grad);
    }

    [Fact]
    public void RejectsMismatchedShapesAndBadSettings()
    {
        using var zs = zeros(3, 4);
        using var y = zeros(3, dtype: ScalarType.Int64);
        using var zt = zeros(3, 5);
        Assert.Contains("[3, 5]", Assert.Throws<ArgumentException>(() => Distillation.Loss(zs, zt, y, 2, 0.5)).Message);
        Assert.Contains("temperature", Assert.Throws<ArgumentException>(() => Distillation.Loss(zs, zs, y, 0, 0.5)).Message);
        Assert.Contains("alpha", Assert.Throws<ArgumentException>(() => Distillation.Loss(zs, zs, y, 2, 1.5)).Message);
    }
}
