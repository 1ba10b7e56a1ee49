// nn.init functions draw the same numbers as PyTorch's and compute the same gains.
using TorchSharp;
using static TorchSharp.torch;
using static GenAI.Torch.Tests.NN.NNFixtures;
using Init = TorchSharp.torch.nn.init;

namespace GenAI.Torch.Tests.NN;

[Collection(SeededCollection.Name)]
public class InitFunctionTests
{
    [Theory]
    [InlineData("xavier_uniform_1.5")]
    [InlineData("xavier_normal")]
    [InlineData("kaiming_uniform")]
    [InlineData("kaiming_normal_fan_out")]
    [InlineData("kaiming_uniform_conv_leaky")]
    [InlineData("uniform_-2_3")]
    [InlineData("normal_1_0.5")]
    [InlineData("trunc_normal_0.5")]
    [InlineData("orthogonal")]
    public void Initialiser_draws_pytorchs_numbers(string name)
    {
        var expected = Get("init_functions", "tensors", name);
        torch.manual_seed(21);
        using var t = torch.empty(Shape(expected));
        switch (name)
        {
            case "xavier_uniform_1.5": Init.xavier_uniform_(t, 1.5); break;
            case "xavier_normal": Init.xavier_normal_(t); break;
            case "kaiming_uniform": Init.kaiming_uniform_(t); break;
            case "kaiming_normal_fan_out": Init.kaiming_normal_(t, mode: Init.FanInOut.FanOut, nonlinearity: Init.NonlinearityType.ReLU); break;
            case "kaiming_uniform_conv_leaky": Init.kaiming_uniform_(t, a: 0.1, nonlinearity: Init.NonlinearityType.LeakyReLU); break;
            case "uniform_-2_3": Init.uniform_(t, -2, 3); break;
            case "normal_1_0.5": Init.normal_(t, 1, 0.5); break;
            case "trunc_normal_0.5": Init.trunc_normal_(t, std: 0.5); break;
            case "orthogonal": Init.orthogonal_(t); break;
        }
        AssertClose(expected, t, atol: 1e-6, rtol: 1e-5, what: name);
    }

    [Fact]
    public void Orthogonal_rows_are_orthonormal_times_gain()
    {
        using var scope = NewDisposeScope();
        var w = torch.empty(3, 5);
        Init.orthogonal_(w, gain: 2);
        // rows < cols: W W^T = gain^2 I
        Assert.True(w.matmul(w.t()).allclose(torch.eye(3).mul(4), atol: 1e-5));
    }

    [Fact]
    public void Gains_match_pytorch()
    {
        var g = Get("init_functions", "gains");
        AssertClose(g.GetProperty("linear").GetDouble(), Init.calculate_gain(Init.NonlinearityType.Linear), 1e-12, "linear");
        AssertClose(g.GetProperty("sigmoid").GetDouble(), Init.calculate_gain(Init.NonlinearityType.Sigmoid), 1e-12, "sigmoid");
        AssertClose(g.GetProperty("tanh").GetDouble(), Init.calculate_gain(Init.NonlinearityType.Tanh), 1e-12, "tanh");
        AssertClose(g.GetProperty("relu").GetDouble(), Init.calculate_gain(Init.NonlinearityType.ReLU), 1e-12, "relu");
        AssertClose(g.GetProperty("leaky_relu_0.2").GetDouble(), Init.calculate_gain(Init.NonlinearityType.LeakyReLU, 0.2), 1e-12, "leaky_relu");
        AssertClose(g.GetProperty("conv2d").GetDouble(), Init.calculate_gain(Init.NonlinearityType.Conv2D), 1e-12, "conv2d");
    }

    [Fact]
    public void Fan_of_a_1d_tensor_is_an_error_naming_its_shape()
    {
        using var t = torch.empty(7);
        var e = Assert.Throws<ArgumentException>(() => Init.xavier_uniform_(t));
        Assert.Contains("[7]", e.Message);
    }

    [Fact]
    public void Constant_zeros_ones_fill_the_tensor()
    {
        using var t = torch.empty(2, 3);
        Init.constant_(t, 2.5);
        Assert.All(t.data<float>().ToArray(), v => Assert.Equal(2.5f, v));
        Init.zeros_(t);
        Assert.All(t.data<float>().ToArray(), v => Assert.Equal(0f, v));
        Init.ones_(t);
        Assert.All(t.data<float>().ToArray(), v => Assert.Equal(1f, v));
    }
}
