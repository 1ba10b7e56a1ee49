// A layer built right after manual_seed(s) holds the numbers PyTorch's holds: the same
// init calls on the same generator in the same order, and the same parameter names/order.
using TorchSharp;
using static TorchSharp.torch;
using static GenAI.Torch.Tests.NN.NNFixtures;

namespace GenAI.Torch.Tests.NN;

[Collection(SeededCollection.Name)]
public class InitializationTests
{
    private static nn.Module Make(string name) => name switch
    {
        "linear" => nn.Linear(5, 3),
        "conv2d" => nn.Conv2d(2, 4, 3),
        "conv1d" => nn.Conv1d(3, 2, 2),
        "conv_transpose2d" => nn.ConvTranspose2d(4, 2, 3, stride: 2),
        "embedding" => nn.Embedding(10, 4),
        "lstm" => nn.LSTM(3, 4, numLayers: 2),
        "gru_bidirectional" => nn.GRU(3, 4, bidirectional: true),
        "sequential_mlp" => nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3)),
        "multihead_attention" => nn.MultiheadAttention(8, 2),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [InlineData("linear")]
    [InlineData("conv2d")]
    [InlineData("conv1d")]
    [InlineData("conv_transpose2d")]
    [InlineData("embedding")]
    [InlineData("lstm")]
    [InlineData("gru_bidirectional")]
    [InlineData("sequential_mlp")]
    [InlineData("multihead_attention")]
    public void Seeded_parameters_equal_pytorch(string name)
    {
        var entry = Get("init", name);
        torch.manual_seed(entry.GetProperty("seed").GetInt64());
        using var module = Make(name);
        var expected = entry.GetProperty("params").EnumerateArray().ToArray();
        var actual = module.named_parameters().ToArray();
        Assert.Equal(expected.Select(e => e[0].GetString()), actual.Select(a => a.name));
        for (int k = 0; k < expected.Length; k++)
            AssertClose(expected[k][1], actual[k].parameter, atol: 1e-7, rtol: 1e-6, what: $"{name}.{actual[k].name}");
    }
}
