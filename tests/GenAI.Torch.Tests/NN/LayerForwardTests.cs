// Each layer, loaded with the parameters PyTorch used, gives PyTorch's output on the same
// input (and, for batch norm in training, the same updated running statistics).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static GenAI.Torch.Tests.NN.NNFixtures;

namespace GenAI.Torch.Tests.NN;

public class LayerForwardTests
{
    private static nn.Module Make(string name) => name switch
    {
        "linear" => nn.Linear(5, 3),
        "linear_nobias" => nn.Linear(5, 3, hasBias: false),
        "conv1d" => nn.Conv1d(3, 2, 3, stride: 2, padding: 1),
        "conv2d" => nn.Conv2d(2, 3, 3, stride: 2, padding: 1),
        "conv2d_groups_dilation" => nn.Conv2d(4, 2, 3, padding: 2, dilation: 2, groups: 2),
        "conv_transpose2d" => nn.ConvTranspose2d(3, 2, 3, stride: 2, padding: 1, output_padding: 1),
        "maxpool2d" => nn.MaxPool2d(2),
        "maxpool2d_stride_pad" => nn.MaxPool2d(3, stride: 2, padding: 1),
        "avgpool2d" => nn.AvgPool2d(2, stride: 1),
        "adaptive_avgpool2d" => nn.AdaptiveAvgPool2d((2, 3)),
        "batchnorm1d_train" => nn.BatchNorm1d(3),
        "batchnorm2d_eval" => nn.BatchNorm2d(2),
        "batchnorm2d_train" => nn.BatchNorm2d(2),
        "layernorm" => nn.LayerNorm(4),
        "groupnorm" => nn.GroupNorm(2, 4),
        "embedding" => nn.Embedding(10, 3),
        "embedding_padding_idx" => nn.Embedding(6, 2, padding_idx: 0),
        "flatten" => nn.Flatten(),
        "unflatten" => nn.Unflatten(1, new long[] { 2, 3 }),
        "upsample_nearest" => nn.Upsample(scale_factor: new[] { 2.0 }, mode: UpsampleMode.Nearest),
        "upsample_bilinear" => nn.Upsample(size: new long[] { 3, 5 }, mode: UpsampleMode.Bilinear, align_corners: false),
        "upsample_bilinear_corners" => nn.Upsample(scale_factor: new[] { 2.0 }, mode: UpsampleMode.Bilinear, align_corners: true),
        "rnn_tanh" => nn.RNN(3, 4, numLayers: 2, batchFirst: true),
        "rnn_relu_h0" => nn.RNN(3, 2, nonLinearity: nn.NonLinearities.ReLU),
        "lstm" => nn.LSTM(3, 4, numLayers: 2, batchFirst: true),
        "lstm_bidirectional_h0" => nn.LSTM(2, 3, bidirectional: true),
        "gru" => nn.GRU(3, 4, batchFirst: true),
        "gru_bidirectional" => nn.GRU(3, 2, numLayers: 2, bidirectional: true),
        "rnncell" => nn.RNNCell(3, 4),
        "lstmcell" => nn.LSTMCell(3, 4),
        "grucell" => nn.GRUCell(3, 4),
        _ => throw new ArgumentException(name),
    };

    private static Tensor[] Run(nn.Module module, Tensor[] x) => module switch
    {
        nn.Module<Tensor, Tensor> m => new[] { m.call(x[0]) },
        RNN m => Flat(m.call(x[0], x.Length > 1 ? x[1] : null)),
        GRU m => Flat(m.call(x[0], x.Length > 1 ? x[1] : null)),
        LSTM m => Flat(m.call(x[0], x.Length > 1 ? (x[1], x[2]) : null)),
        RNNCell m => new[] { m.call(x[0], x[1]) },
        GRUCell m => new[] { m.call(x[0], x[1]) },
        LSTMCell m => Flat(m.call(x[0], (x[1], x[2]))),
        _ => throw new ArgumentException(module.GetName()),
    };

    private static Tensor[] Flat((Tensor, Tensor) r) => new[] { r.Item1, r.Item2 };
    private static Tensor[] Flat((Tensor, Tensor, Tensor) r) => new[] { r.Item1, r.Item2, r.Item3 };

    public static IEnumerable<object[]> Names() =>
        Get("forward").EnumerateObject().Select(p => p.Name).Where(n => n != "multihead_attention").Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(Names))]
    public void Forward_matches_pytorch(string name)
    {
        using var scope = NewDisposeScope();
        var entry = Get("forward", name);
        using var module = Make(name);
        module.load_state_dict(StateDict(entry.GetProperty("state")));
        var train = name.EndsWith("_train");
        module.train(train);
        var inputs = entry.GetProperty("inputs").EnumerateArray().Select(ToTensor).ToArray();
        var outputs = Run(module, inputs);
        var expected = entry.GetProperty("outputs").EnumerateArray().ToArray();
        Assert.Equal(expected.Length, outputs.Length);
        for (int k = 0; k < expected.Length; k++)
            AssertClose(expected[k], outputs[k], what: $"{name} output {k}");
        // Running statistics (batch norm in training mode) must be updated as PyTorch did.
        var after = module.state_dict();
        foreach (var p in entry.GetProperty("state_after").EnumerateObject())
            AssertClose(p.Value, after[p.Name], what: $"{name} state '{p.Name}' after forward");
    }

    [Fact]
    public void Multihead_attention_matches_pytorch()
    {
        using var scope = NewDisposeScope();
        var entry = Get("forward", "multihead_attention");
        using var mha = nn.MultiheadAttention(8, 2);
        Assert.Equal(new[] { "in_proj_weight", "in_proj_bias", "out_proj.weight", "out_proj.bias" }, mha.state_dict().Keys);
        mha.load_state_dict(StateDict(entry.GetProperty("state")));
        mha.eval();
        var x = entry.GetProperty("inputs").EnumerateArray().Select(ToTensor).ToArray();
        var (output, weights) = mha.call(x[0], x[1], x[2]);
        var expected = entry.GetProperty("outputs").EnumerateArray().ToArray();
        AssertClose(expected[0], output, what: "attention output");
        AssertClose(expected[1], weights!, what: "attention weights");
    }

    [Fact]
    public void Conv2d_with_wrong_channel_count_throws_libtorch_message_with_both_shapes()
    {
        using var scope = NewDisposeScope();
        using var conv = nn.Conv2d(3, 4, 3);
        var x = torch.zeros(1, 2, 8, 8);
        var e = Assert.ThrowsAny<Exception>(() => conv.call(x));
        Assert.Contains("[1, 2, 8, 8]", e.Message);
        Assert.Contains("3", e.Message);
    }

    [Fact]
    public void Linear_with_wrong_feature_count_throws_with_both_shapes()
    {
        using var scope = NewDisposeScope();
        using var lin = nn.Linear(5, 3);
        var x = torch.zeros(2, 4);
        var e = Assert.ThrowsAny<Exception>(() => lin.call(x));
        Assert.Contains("2x4", e.Message);
        Assert.Contains("5x3", e.Message);
    }

    [Fact]
    public void Lstm_with_wrong_input_size_names_the_sizes()
    {
        using var scope = NewDisposeScope();
        using var lstm = nn.LSTM(3, 4);
        var e = Assert.Throws<ArgumentException>(() => lstm.call(torch.zeros(5, 2, 7)));
        Assert.Contains("input_size = 3", e.Message);
        Assert.Contains("[5, 2, 7]", e.Message);
    }

    [Fact]
    public void Batchnorm2d_rejects_a_2d_input_with_its_shape()
    {
        using var scope = NewDisposeScope();
        using var bn = nn.BatchNorm2d(3);
        var e = Assert.Throws<ArgumentException>(() => bn.call(torch.zeros(4, 3)));
        Assert.Contains("4-D", e.Message);
        Assert.Contains("[4, 3]", e.Message);
    }

    [Fact]
    public void Dropout_zeroes_in_training_and_is_identity_in_eval()
    {
        using var scope = NewDisposeScope();
        using var dropout = nn.Dropout(0.5);
        var x = torch.ones(1000);
        var y = dropout.call(x);
        // Survivors are scaled by 1 / (1 - p) = 2, the rest are 0.
        var values = y.data<float>().ToArray();
        Assert.All(values, v => Assert.True(v == 0f || v == 2f, $"unexpected value {v}"));
        int zeros = values.Count(v => v == 0f);
        Assert.InRange(zeros, 400, 600);
        dropout.eval();
        Assert.Equal(x.data<float>().ToArray(), dropout.call(x).data<float>().ToArray());
    }

    [Fact]
    public void Conv_arithmetic_matches_the_formula()
    {
        using var scope = NewDisposeScope();
        // out = floor((n + 2p - k) / s) + 1 = floor((28 + 2 - 5) / 2) + 1 = 13
        using var conv = nn.Conv2d(1, 1, 5, stride: 2, padding: 1);
        Assert.Equal(new long[] { 1, 1, 13, 13 }, conv.call(torch.zeros(1, 1, 28, 28)).shape);
        // transposed: out = (n - 1) s - 2p + k + output_padding = (7 - 1) * 2 - 2 + 4 + 0 = 14
        using var up = nn.ConvTranspose2d(1, 1, 4, stride: 2, padding: 1);
        Assert.Equal(new long[] { 1, 1, 14, 14 }, up.call(torch.zeros(1, 1, 7, 7)).shape);
        // padding "same" keeps the size
        using var same = nn.Conv2d(2, 3, 3, Padding.Same);
        Assert.Equal(new long[] { 1, 3, 9, 9 }, same.call(torch.zeros(1, 2, 9, 9)).shape);
    }

    [Fact]
    public void ConvTranspose2d_forward_with_output_size_picks_output_padding()
    {
        using var scope = NewDisposeScope();
        using var up = nn.ConvTranspose2d(1, 1, 3, stride: 2, padding: 1);
        Assert.Equal(new long[] { 1, 1, 9, 9 }, up.call(torch.zeros(1, 1, 5, 5)).shape);
        Assert.Equal(new long[] { 1, 1, 10, 10 }, up.forward(torch.zeros(1, 1, 5, 5), new long[] { 10, 10 }).shape);
        var e = Assert.Throws<ArgumentException>(() => up.forward(torch.zeros(1, 1, 5, 5), new long[] { 12, 12 }));
        Assert.Contains("12", e.Message);
    }
}
