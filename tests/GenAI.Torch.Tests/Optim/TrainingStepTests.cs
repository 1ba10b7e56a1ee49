// Five full training steps of a 4-8-3 MLP with each optimizer end with the parameters (and
// losses along the way) that Python PyTorch reaches from the same start on the same data.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static GenAI.Torch.Tests.NN.NNFixtures;

namespace GenAI.Torch.Tests.Optim;

public class TrainingStepTests
{
    private static optim.Optimizer Make(string name, IEnumerable<Parameter> p) => name switch
    {
        "sgd_plain" => optim.SGD(p, 0.1),
        "sgd_momentum" => optim.SGD(p, 0.1, momentum: 0.9, dampening: 0.1, weight_decay: 0.01),
        "sgd_nesterov" => optim.SGD(p, 0.05, momentum: 0.8, nesterov: true),
        "sgd_maximize" => optim.SGD(p, 0.05, momentum: 0.5, maximize: true),
        "adam" => optim.Adam(p, lr: 0.01),
        "adam_wd_amsgrad" => optim.Adam(p, lr: 0.02, beta1: 0.8, beta2: 0.9, weight_decay: 0.1, amsgrad: true),
        "adamw" => optim.AdamW(p, lr: 0.01, weight_decay: 0.1),
        "adamw_amsgrad" => optim.AdamW(p, lr: 0.01, weight_decay: 0.05, amsgrad: true),
        "rmsprop" => optim.RMSProp(p, lr: 0.01),
        "rmsprop_centered_momentum" => optim.RMSProp(p, lr: 0.01, alpha: 0.9, momentum: 0.5, centered: true, weight_decay: 0.01),
        "adagrad" => optim.Adagrad(p, lr: 0.1),
        "adagrad_decay" => optim.Adagrad(p, lr: 0.1, lr_decay: 0.01, weight_decay: 0.02, initial_accumulator_value: 0.1),
        _ => throw new ArgumentException(name),
    };

    internal static Sequential StartModel()
    {
        var model = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 3));
        model.load_state_dict(StateDict(Get("training", "start")));
        return model;
    }

    public static IEnumerable<object[]> Names() => Get("training", "optimizers").EnumerateObject().Select(p => new object[] { p.Name });

    [Theory]
    [MemberData(nameof(Names))]
    public void Five_steps_reach_pytorchs_parameters(string name)
    {
        using var scope = NewDisposeScope();
        var x = Tensor("training", "X");
        var y = Tensor("training", "Y");
        using var model = StartModel();
        using var opt = Make(name, model.parameters());
        var expected = Get("training", "optimizers", name);
        var losses = expected.GetProperty("losses").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (int step = 0; step < 5; step++)
        {
            using var stepScope = NewDisposeScope();
            opt.zero_grad();
            var loss = nn.functional.cross_entropy(model.call(x), y);
            loss.backward();
            opt.step();
            AssertClose(losses[step], loss.item<float>(), 1e-5, $"{name} loss at step {step}");
        }
        var final = model.state_dict();
        foreach (var p in expected.GetProperty("final").EnumerateObject())
            AssertClose(p.Value, final[p.Name], atol: 1e-5, rtol: 1e-4, what: $"{name} {p.Name}");
    }

    [Fact]
    public void Step_with_a_closure_returns_its_loss()
    {
        using var scope = NewDisposeScope();
        var x = Tensor("training", "X");
        var y = Tensor("training", "Y");
        using var model = StartModel();
        using var opt = optim.SGD(model.parameters(), 0.1);
        var loss = opt.step(() =>
        {
            opt.zero_grad();
            var l = nn.functional.cross_entropy(model.call(x), y);
            l.backward();
            return l;
        });
        AssertClose(Get("training", "optimizers", "sgd_plain").GetProperty("losses")[0].GetDouble(), loss!.item<float>(), 1e-5, "closure loss");
    }

    [Fact]
    public void Parameter_groups_keep_their_own_learning_rate()
    {
        using var scope = NewDisposeScope();
        using var a = nn.Linear(2, 1);
        using var b = nn.Linear(2, 1);
        var aw = a.weight.clone();
        var bw = b.weight.clone();
        using var opt = optim.SGD(new[]
        {
            new TorchSharp.Modules.SGD.ParamGroup(a.parameters(), lr: 0.5),
            new TorchSharp.Modules.SGD.ParamGroup(b.parameters(), new TorchSharp.Modules.SGD.Options()),
        }, 0.1);
        (a.call(torch.ones(1, 2)).sum() + b.call(torch.ones(1, 2)).sum()).backward();
        opt.step();
        // d(sum)/dw = 1 for every weight: w' = w - lr
        Assert.True((aw - a.weight).allclose(torch.full(1, 2, 0.5f)));
        Assert.True((bw - b.weight).allclose(torch.full(1, 2, 0.1f)));
        Assert.Equal(new[] { 0.5, 0.1 }, opt.ParamGroups.Select(g => g.LearningRate));
    }

    [Fact]
    public void Invalid_hyper_parameters_are_rejected_with_their_value()
    {
        using var lin = nn.Linear(2, 1);
        Assert.Contains("-1", Assert.Throws<ArgumentException>(() => optim.SGD(lin.parameters(), -1)).Message);
        Assert.Contains("1.5", Assert.Throws<ArgumentException>(() => optim.Adam(lin.parameters(), beta1: 1.5)).Message);
        Assert.Contains("Nesterov", Assert.Throws<ArgumentException>(() => optim.SGD(lin.parameters(), 0.1, nesterov: true)).Message);
    }

    [Fact]
    public void Optimizer_state_saves_and_loads_through_a_file()
    {
        using var scope = NewDisposeScope();
        var x = Tensor("training", "X");
        var y = Tensor("training", "Y");
        var path = Path.Combine(Path.GetTempPath(), $"genai-opt-{Guid.NewGuid():N}.bin");
        try
        {
            using var m1 = StartModel();
            using var o1 = optim.Adam(m1.parameters(), lr: 0.01);
            void Step(nn.Module<Tensor, Tensor> m, optim.Optimizer o)
            {
                o.zero_grad();
                nn.functional.cross_entropy(m.call(x), y).backward();
                o.step();
            }
            Step(m1, o1); Step(m1, o1);
            o1.save_state_dict(path);
            // A second model/optimizer pair resumes from the same weights and optimizer state.
            using var m2 = StartModel();
            m2.load_state_dict(m1.state_dict());
            using var o2 = optim.Adam(m2.parameters(), lr: 0.01);
            o2.load_state_dict(path);
            Step(m1, o1); Step(m2, o2);
            foreach (var (name, p) in m1.named_parameters())
                Assert.True(p.allclose(m2.get_parameter(name)), name);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
