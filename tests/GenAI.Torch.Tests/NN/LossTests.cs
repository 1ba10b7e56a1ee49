// Each loss (functional form and module) gives PyTorch's value, including class
// weights, ignore_index, label smoothing, probability targets and every reduction.
using TorchSharp;
using static TorchSharp.torch;
using static GenAI.Torch.Tests.NN.NNFixtures;
using F = TorchSharp.torch.nn.functional;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace GenAI.Torch.Tests.NN;

public class LossTests
{
    private static Tensor In(string name) => Tensor("losses", "inputs", name);

    private static Tensor Compute(string name)
    {
        using var scope = NewDisposeScope();
        Tensor result = name switch
        {
            "ce_mean" => F.cross_entropy(In("logits"), In("target")),
            "ce_sum" => F.cross_entropy(In("logits"), In("target"), reduction: Reduction.Sum),
            "ce_none" => F.cross_entropy(In("logits"), In("target"), reduction: Reduction.None),
            "ce_weight" => F.cross_entropy(In("logits"), In("target"), weight: In("class_weight")),
            "ce_ignore_default" => F.cross_entropy(In("logits"), In("target_ign")),
            "ce_ignore_5" => F.cross_entropy(In("logits"), In("target_ign5"), ignore_index: 5),
            "ce_smooth_0.1" => F.cross_entropy(In("logits"), In("target"), label_smoothing: 0.1),
            "ce_smooth_weight_ignore" => F.cross_entropy(In("logits"), In("target_ign"), weight: In("class_weight"), label_smoothing: 0.2),
            "ce_seq" => F.cross_entropy(In("seq_logits"), In("seq_target")),
            "ce_soft_targets" => F.cross_entropy(In("logits"), In("soft_tg")),
            "nll_mean" => F.nll_loss(F.log_softmax(In("logits"), 1), In("target")),
            "nll_weight_sum" => F.nll_loss(F.log_softmax(In("logits"), 1), In("target"), In("class_weight"), Reduction.Sum),
            "mse_mean" => F.mse_loss(In("reg_in"), In("reg_tg")),
            "mse_none" => F.mse_loss(In("reg_in"), In("reg_tg"), Reduction.None),
            "l1_mean" => F.l1_loss(In("reg_in"), In("reg_tg")),
            "l1_sum" => F.l1_loss(In("reg_in"), In("reg_tg"), Reduction.Sum),
            "huber_0.5" => F.huber_loss(In("reg_in"), In("reg_tg"), delta: 0.5),
            "smooth_l1_0.5" => F.smooth_l1_loss(In("reg_in"), In("reg_tg"), beta: 0.5),
            "smooth_l1_default_sum" => F.smooth_l1_loss(In("reg_in"), In("reg_tg"), Reduction.Sum),
            "bce_mean" => F.binary_cross_entropy(In("prob"), In("bin_tg")),
            "bce_weight_none" => F.binary_cross_entropy(In("prob"), In("bin_tg"), torch.tensor(new float[] { 1, 2, 3, 4 }), Reduction.None),
            "bce_logits_mean" => F.binary_cross_entropy_with_logits(In("reg_in"), In("bin_tg")),
            "bce_logits_pos_weight" => F.binary_cross_entropy_with_logits(In("reg_in"), In("bin_tg"), pos_weights: In("pos_w")),
            "kl_div_batchmean_like_sum" => F.kl_div(In("lp"), In("tp"), log_target: false, reduction: Reduction.Sum),
            "kl_div_mean_logtarget" => F.kl_div(In("lp"), In("tp").log(), log_target: true, reduction: Reduction.Mean),
            _ => throw new ArgumentException(name),
        };
        return result.MoveToOuterDisposeScope();
    }

    public static IEnumerable<object[]> Names() => Get("losses", "outputs").EnumerateObject().Select(p => new object[] { p.Name });

    [Theory]
    [MemberData(nameof(Names))]
    public void Loss_matches_pytorch(string name)
    {
        using var loss = Compute(name);
        AssertClose(Get("losses", "outputs", name), loss, what: name);
    }

    [Fact]
    public void Cross_entropy_gradient_with_smoothing_and_ignored_targets_matches_pytorch()
    {
        using var scope = NewDisposeScope();
        var logits = In("logits").requires_grad_();
        var loss = F.cross_entropy(logits, In("target_ign"), label_smoothing: 0.1);
        loss.backward();
        AssertClose(Get("losses", "ce_smooth_ignore_grad"), logits.grad!, what: "d loss / d logits");
    }

    [Fact]
    public void Loss_modules_equal_their_functional_forms()
    {
        using var scope = NewDisposeScope();
        AssertClose(Get("losses", "outputs", "ce_weight"), nn.CrossEntropyLoss(In("class_weight")).call(In("logits"), In("target")));
        AssertClose(Get("losses", "outputs", "ce_smooth_0.1"),
            new TorchSharp.Modules.CrossEntropyLoss(label_smoothing: 0.1).call(In("logits"), In("target")));
        AssertClose(Get("losses", "outputs", "ce_ignore_5"), nn.CrossEntropyLoss(ignore_index: 5).call(In("logits"), In("target_ign5")));
        AssertClose(Get("losses", "outputs", "nll_weight_sum"),
            nn.NLLLoss(In("class_weight"), Reduction.Sum).call(F.log_softmax(In("logits"), 1), In("target")));
        AssertClose(Get("losses", "outputs", "mse_none"), nn.MSELoss(Reduction.None).call(In("reg_in"), In("reg_tg")));
        AssertClose(Get("losses", "outputs", "l1_sum"), nn.L1Loss(Reduction.Sum).call(In("reg_in"), In("reg_tg")));
        AssertClose(Get("losses", "outputs", "huber_0.5"), nn.HuberLoss(0.5).call(In("reg_in"), In("reg_tg")));
        AssertClose(Get("losses", "outputs", "smooth_l1_0.5"), nn.SmoothL1Loss(beta: 0.5).call(In("reg_in"), In("reg_tg")));
        AssertClose(Get("losses", "outputs", "bce_mean"), nn.BCELoss().call(In("prob"), In("bin_tg")));
        AssertClose(Get("losses", "outputs", "bce_logits_pos_weight"), nn.BCEWithLogitsLoss(pos_weights: In("pos_w")).call(In("reg_in"), In("bin_tg")));
        AssertClose(Get("losses", "outputs", "kl_div_batchmean_like_sum"), nn.KLDivLoss(false, Reduction.Sum).call(In("lp"), In("tp")));
    }

    [Fact]
    public void Cross_entropy_with_a_class_index_out_of_range_is_an_exception()
    {
        using var scope = NewDisposeScope();
        var target = torch.tensor(new long[] { 0, 7, 1, 1, 2, 3 });
        var e = Assert.ThrowsAny<Exception>(() => F.cross_entropy(In("logits"), target));
        Assert.Contains("out of bounds", e.Message);
    }

    [Fact]
    public void Bce_with_mismatched_shapes_names_both()
    {
        using var scope = NewDisposeScope();
        var e = Assert.ThrowsAny<Exception>(() => F.binary_cross_entropy(In("prob"), torch.zeros(3, 5)));
        Assert.Contains("[3, 5]", e.Message);
        Assert.Contains("[3, 4]", e.Message);
    }

    [Fact]
    public void Mse_by_hand()
    {
        using var scope = NewDisposeScope();
        // ((1 - 0)^2 + (2 - 4)^2) / 2 = 2.5
        var loss = F.mse_loss(torch.tensor(new float[] { 1, 2 }), torch.tensor(new float[] { 0, 4 }));
        Assert.Equal(2.5f, loss.item<float>());
    }
}
