// Every activation module gives PyTorch's values on the same input.
using TorchSharp;
using static TorchSharp.torch;
using static GenAI.Torch.Tests.NN.NNFixtures;

namespace GenAI.Torch.Tests.NN;

public class ActivationTests
{
    private static Tensor Apply(string name, Tensor x)
    {
        if (name == "glu")
        {
            using var flipped = x.flip(1);
            using var both = torch.cat(new[] { x, flipped }, 1);
            using var glu = nn.GLU(-1);
            return glu.call(both);
        }
        nn.Module<Tensor, Tensor> m = name switch
        {
            "relu" => nn.ReLU(),
            "leaky_relu_0.2" => nn.LeakyReLU(0.2),
            "gelu" => nn.GELU(),
            "gelu_tanh" => nn.GELU(TorchSharp.Modules.GELU.Approximate.tanh),
            "silu" => nn.SiLU(),
            "sigmoid" => nn.Sigmoid(),
            "tanh" => nn.Tanh(),
            "softmax_1" => nn.Softmax(1),
            "log_softmax_0" => nn.LogSoftmax(0),
            "elu_0.5" => nn.ELU(0.5),
            "softplus_2_5" => nn.Softplus(2, 5),
            "mish" => nn.Mish(),
            "relu6" => nn.ReLU6(),
            "hardtanh" => nn.Hardtanh(),
            "selu" => nn.SELU(),
            "logsigmoid" => nn.LogSigmoid(),
            "softmin_1" => nn.Softmin(1),
            "hardswish" => nn.Hardswish(),
            "hardsigmoid" => nn.Hardsigmoid(),
            "softsign" => nn.Softsign(),
            "tanhshrink" => nn.Tanhshrink(),
            "celu_0.7" => nn.CELU(0.7),
            _ => throw new ArgumentException(name),
        };
        using (m) return m.call(x);
    }

    public static IEnumerable<object[]> Names() => Get("activations", "outputs").EnumerateObject().Select(p => new object[] { p.Name });

    [Theory]
    [MemberData(nameof(Names))]
    public void Activation_matches_pytorch(string name)
    {
        using var x = Tensor("activations", "input");
        using var y = Apply(name, x);
        AssertClose(Get("activations", "outputs", name), y, what: name);
    }

    [Fact]
    public void Inplace_relu_changes_its_input()
    {
        using var x = torch.tensor(new float[] { -1, 2, -3 });
        using var relu = nn.ReLU(inplace: true);
        using var y = relu.call(x);
        Assert.Equal(new float[] { 0, 2, 0 }, x.data<float>().ToArray());
    }
}
