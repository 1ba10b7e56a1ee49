// Gradient clipping rescales gradients exactly as PyTorch's clip_grad_norm_ does.
using TorchSharp;
using static TorchSharp.torch;
using static GenAI.Torch.Tests.NN.NNFixtures;

namespace GenAI.Torch.Tests.Optim;

public class ClipGradTests
{
    [Fact]
    public void Clip_grad_norm_matches_pytorch_for_l2_and_infinity_norms()
    {
        using var scope = NewDisposeScope();
        var x = Tensor("training", "X");
        var y = Tensor("training", "Y");
        var clip = Get("training", "clip");
        using var model = TrainingStepTests.StartModel();
        nn.functional.cross_entropy(model.call(x), y).backward();
        double total = nn.utils.clip_grad_norm_(model.parameters(), 0.1);
        AssertClose(clip.GetProperty("total_norm").GetDouble(), total, 1e-5, "total norm");
        var grads = clip.GetProperty("grads").EnumerateArray().ToArray();
        var ps = model.parameters().ToArray();
        for (int k = 0; k < ps.Length; k++) AssertClose(grads[k], ps[k].grad!, what: $"clipped grad {k}");

        model.zero_grad();
        nn.functional.cross_entropy(model.call(x), y).backward();
        double totalInf = nn.utils.clip_grad_norm_(model.parameters(), 0.05, double.PositiveInfinity);
        AssertClose(clip.GetProperty("total_norm_inf").GetDouble(), totalInf, 1e-6, "total inf norm");
        grads = clip.GetProperty("grads_inf").EnumerateArray().ToArray();
        for (int k = 0; k < ps.Length; k++) AssertClose(grads[k], ps[k].grad!, what: $"inf-clipped grad {k}");
    }

    [Fact]
    public void Clip_grad_value_clamps_each_element()
    {
        using var scope = NewDisposeScope();
        var p = nn.Parameter(torch.zeros(3));
        (p * torch.tensor(new float[] { -3, 0.5f, 2 })).sum().backward();
        nn.utils.clip_grad_value_(new[] { p }, 1.0);
        Assert.Equal(new float[] { -1, 0.5f, 1 }, p.grad!.data<float>().ToArray());
    }
}
