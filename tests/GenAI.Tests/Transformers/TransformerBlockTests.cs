using System.Text.Json;
using GenAI.Transformers;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Transformers;

[Collection(SeededCollection.Name)]
public class TransformerBlockTests
{
    static Tensor W(nn.Module m, string name) => MultiHeadAttentionTests.W(m, name);

    static void Close(Tensor actual, Tensor expected, string what, double atol = 1e-5) =>
        Assert.True(actual.allclose(expected, rtol: 0, atol: atol), $"{what}: largest difference {(actual - expected).abs().max().item<float>():G3}");

    /// <summary>
    /// Copies a PyTorch-layout TransformerEncoderLayer / TransformerDecoderLayer's weights (self_attn, multihead_attn with
    /// in_proj stacking W_Q, W_K, W_V; linear1, linear2; norm1..3) into our block.
    /// </summary>
    static void CopyFromPyTorchLayout(TransformerBlock block, Func<string, Tensor> theirs)
    {
        using var noGrad = no_grad();
        int d = block.Config.ModelDim;
        foreach (var (ours, their) in new[] { ("attention", "self_attn"), ("cross_attention", "multihead_attn") })
        {
            if (ours == "cross_attention" && block.CrossAttention is null) continue;
            var w = theirs($"{their}.in_proj_weight");
            var b = theirs($"{their}.in_proj_bias");
            string[] qkv = ["q_proj", "k_proj", "v_proj"];
            for (int i = 0; i < 3; i++)
            {
                W(block, $"{ours}.{qkv[i]}.weight").copy_(w[(i * d)..((i + 1) * d)]);
                W(block, $"{ours}.{qkv[i]}.bias").copy_(b[(i * d)..((i + 1) * d)]);
            }
            W(block, $"{ours}.out_proj.weight").copy_(theirs($"{their}.out_proj.weight"));
            W(block, $"{ours}.out_proj.bias").copy_(theirs($"{their}.out_proj.bias"));
        }
        foreach (var (ours, their) in new[] { ("ffn.fc1", "linear1"), ("ffn.fc2", "linear2"), ("norm1", "norm1"), ("norm2", "norm2"), ("norm3", "norm3") })
        {
            if (ours == "norm3" && block.CrossAttention is null) continue;
            W(block, $"{ours}.weight").copy_(theirs($"{their}.weight"));
            W(block, $"{ours}.bias").copy_(theirs($"{their}.bias"));
        }
    }

    static Tensor FromJson(JsonElement e)
    {
        var shape = new List<long>();
        for (var x = e; x.ValueKind == JsonValueKind.Array; x = x[0]) shape.Add(x.GetArrayLength());
        var values = new List<float>();
        void Walk(JsonElement x) { if (x.ValueKind == JsonValueKind.Array) foreach (var y in x.EnumerateArray()) Walk(y); else values.Add((float)x.GetDouble()); }
        Walk(e);
        return tensor(values.ToArray(), shape.ToArray());
    }

    public static TheoryData<string, bool> Cases => new() { { "encoder", false }, { "encoder", true }, { "decoder", false }, { "decoder", true } };

    [Theory]
    [MemberData(nameof(Cases))]
    public void AgreesWithPyTorchsTransformerLayersPostAndPreLn(string kind, bool normFirst)
    {
        // PyTorch 1.13's nn.TransformerEncoderLayer / nn.TransformerDecoderLayer (batch_first, GELU, norm_first false and true):
        // its random weights, inputs and outputs, saved by Fixtures/make_transformer_reference.py. TorchSharp 0.107's layers wrap
        // libtorch's C++ modules, which have no norm_first, so only the post-LN cases can also be checked in-process (below).
        var root = ReferenceFixture.Load("Transformers", "transformer_reference.json");
        var c = root.GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("kind").GetString() == kind && x.GetProperty("norm_first").GetBoolean() == normFirst);
        bool decoder = kind == "decoder";
        var config = new TransformerBlockConfig(ModelDim: 8, Heads: 2, FfnDim: 16, PreLayerNorm: normFirst, CrossAttention: decoder, Causal: decoder);
        using var block = new TransformerBlock(config);
        var weights = c.GetProperty("weights");
        CopyFromPyTorchLayout(block, name => FromJson(weights.GetProperty(name)));
        using var x = FromJson(c.GetProperty("x"));
        using var expected = FromJson(c.GetProperty("output"));
        Tensor output;
        if (!decoder)
        {
            using var lengths = tensor(c.GetProperty("lengths").EnumerateArray().Select(l => l.GetInt64()).ToArray());
            output = block.Forward(x, mask: AttentionMasks.KeyPaddingFromLengths(lengths, 5));
        }
        else
        {
            using var memory = FromJson(c.GetProperty("memory"));
            using var lengths = tensor(c.GetProperty("memory_lengths").EnumerateArray().Select(l => l.GetInt64()).ToArray());
            output = block.Forward(x, memory: memory, memoryMask: AttentionMasks.KeyPaddingFromLengths(lengths, 4));
        }
        Close(output, expected, $"{kind}, norm_first {normFirst}");
    }

    [Fact]
    public void PostLnBlocksAgreeWithTorchSharpsTransformerLayers()
    {
        // TorchSharp's TransformerEncoderLayer / TransformerDecoderLayer: post-LN, ReLU by default, sequence-first [T, B, d].
        // Their masks are additive float masks here (0 = allowed, -inf = not), as with nn.MultiheadAttention (see MultiHeadAttentionTests).
        manual_seed(21);
        var g = new Generator(22);
        using var x = randn([2, 5, 8], generator: g);
        using var memory = randn([2, 4, 8], generator: g);

        using var encoderLayer = nn.TransformerEncoderLayer(8, 2, 16, dropout: 0.0);
        using var encoder = new TransformerBlock(new TransformerBlockConfig(8, 2, 16, PreLayerNorm: false, Activation: FeedForwardActivation.Relu));
        var ep = encoderLayer.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        CopyFromPyTorchLayout(encoder, n => ep[n]);
        using var causal = AttentionMasks.Causal(5);
        using var additiveCausal = zeros(5, 5).masked_fill(causal.logical_not(), double.NegativeInfinity);
        Close(encoder.Forward(x, mask: causal), encoderLayer.call(x.transpose(0, 1), additiveCausal).transpose(0, 1), "encoder layer, causal mask");
        Close(encoder.call(x), encoderLayer.call(x.transpose(0, 1)).transpose(0, 1), "encoder layer, no mask");

        using var decoderLayer = nn.TransformerDecoderLayer(8, 2, 16, dropout: 0.0);
        using var decoder = new TransformerBlock(new TransformerBlockConfig(8, 2, 16, PreLayerNorm: false, CrossAttention: true, Causal: true, Activation: FeedForwardActivation.Relu));
        var dp = decoderLayer.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        CopyFromPyTorchLayout(decoder, n => dp[n]);
        using var reference = decoderLayer.call(x.transpose(0, 1), memory.transpose(0, 1), additiveCausal, null, null, null).transpose(0, 1);
        Close(decoder.Forward(x, memory: memory), reference, "decoder layer, causal self-attention, cross-attention");
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, null)]
    [InlineData(true, 1)]
    public void StackWithCacheGivesTheFullPassTokenByToken(bool preLayerNorm, int? kvHeads)
    {
        manual_seed(23);
        var config = new TransformerBlockConfig(16, 4, 32, KvHeads: kvHeads, PreLayerNorm: preLayerNorm, CrossAttention: true, Causal: true);
        using var stack = new TransformerStack(config, layers: 2);
        stack.eval();
        var g = new Generator(24);
        using var x = randn([2, 6, 16], generator: g);
        using var memory = randn([2, 3, 16], generator: g);
        using var memoryMask = AttentionMasks.KeyPaddingFromLengths(tensor(new long[] { 3, 1 }), 3);
        using var full = stack.Forward(x, memory: memory, memoryMask: memoryMask);
        using var cache = new KvCache(stack.Layers);
        var steps = Enumerable.Range(0, 6).Select(t => stack.Forward(x[.., t..(t + 1)], memory: memory, memoryMask: memoryMask, cache: cache)).ToList();
        Close(cat(steps, 1), full, "token-by-token decoding");
        Assert.Equal(preLayerNorm, stack.FinalNorm is not null);
        var (_, self, cross) = stack.ForwardWithWeights(x, memory: memory, memoryMask: memoryMask);
        Assert.Equal(new long[] { 2, 2, 4, 6, 6 }, self.shape);
        Assert.Equal(new long[] { 2, 2, 4, 6, 3 }, cross!.shape);
        // causal: no weight above the diagonal; padded memory: sequence 1 only looks at memory position 0
        Assert.Equal(0.0, self.masked_select(AttentionMasks.Causal(6).logical_not().expand_as(self)).abs().sum().item<float>());
        Assert.Equal(0.0, cross[.., 1, .., .., 1..].abs().sum().item<float>());
    }

    [Fact]
    public void ParametersAreNamedAndCountedAsTheConfigSays()
    {
        var encoderConfig = new TransformerBlockConfig(8, 2, 32);
        using var encoder = new TransformerBlock(encoderConfig);
        Assert.Equal(["norm1.weight", "norm1.bias", "attention.q_proj.weight"], encoder.named_parameters().Select(p => p.name).Take(3));
        Assert.Equal(encoderConfig.ParametersPerBlock, encoder.parameters().Sum(p => p.numel()));
        // 2 * 16 (norms) + 4 * 72 (attention) + (8*32 + 32 + 32*8 + 8) = 32 + 288 + 552
        Assert.Equal(872, encoderConfig.ParametersPerBlock);
        var decoderConfig = new TransformerBlockConfig(8, 4, 32, KvHeads: 2, CrossAttention: true);
        using var decoder = new TransformerBlock(decoderConfig);
        Assert.Equal(decoderConfig.ParametersPerBlock, decoder.parameters().Sum(p => p.numel()));
        Assert.Contains("cross_attention.k_proj.weight", decoder.named_parameters().Select(p => p.name));
        Assert.Contains("norm3.weight", decoder.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void FeedForwardIsTwoLinearsAroundTheActivation()
    {
        manual_seed(25);
        using var ffn = new FeedForward(6, 24);
        using var relu = new FeedForward(6, 24, activation: FeedForwardActivation.Relu);
        using var x = randn(2, 3, 6);
        using var hidden = nn.functional.linear(x, W(ffn, "fc1.weight"), W(ffn, "fc1.bias"));
        Close(ffn.call(x), nn.functional.linear(nn.functional.gelu(hidden), W(ffn, "fc2.weight"), W(ffn, "fc2.bias")), "GELU FFN");
        using var reluHidden = nn.functional.linear(x, W(relu, "fc1.weight"), W(relu, "fc1.bias"));
        Close(relu.call(x), nn.functional.linear(nn.functional.relu(reluHidden), W(relu, "fc2.weight"), W(relu, "fc2.bias")), "ReLU FFN");
        Assert.Contains("[..., 6]; got [2, 3, 5]", Assert.Throws<ArgumentException>(() => ffn.call(zeros(2, 3, 5))).Message);
    }

    [Fact]
    public void BadConfigsAndInputsNameTheField()
    {
        var ok = new TransformerBlockConfig(16, 4, 64);
        Assert.Equal("Heads", Assert.Throws<ArgumentException>(() => new TransformerBlock(ok with { Heads = 3 })).ParamName);
        Assert.Contains("Heads (3) must divide ModelDim (16)", Assert.Throws<ArgumentException>(() => (ok with { Heads = 3 }).Validate()).Message);
        Assert.Contains("KvHeads (3)", Assert.Throws<ArgumentException>(() => (ok with { KvHeads = 3 }).Validate()).Message);
        Assert.Contains("FfnDim must be at least 1; got 0", Assert.Throws<ArgumentException>(() => (ok with { FfnDim = 0 }).Validate()).Message);
        Assert.Contains("Dropout must be in [0, 1); got 1.5", Assert.Throws<ArgumentException>(() => (ok with { Dropout = 1.5 }).Validate()).Message);
        Assert.Equal("ModelDim", Assert.Throws<ArgumentException>(() => (ok with { ModelDim = 0 }).Validate()).ParamName);
        using var encoder = new TransformerBlock(ok);
        using var decoder = new TransformerBlock(ok with { CrossAttention = true });
        using var x = zeros(2, 3, 16);
        Assert.Contains("got [2, 3, 8]", Assert.Throws<ArgumentException>(() => encoder.call(zeros(2, 3, 8))).Message);
        Assert.Equal("memory", Assert.Throws<ArgumentException>(() => decoder.call(x)).ParamName);
        Assert.Equal("memory", Assert.Throws<ArgumentException>(() => encoder.Forward(x, memory: x)).ParamName);
        Assert.Contains("Layers must be at least 1; got 0", Assert.Throws<ArgumentException>(() => new TransformerStack(ok, 0)).Message);
    }
}
