// scaled_dot_product_attention against its definition computed by PyTorch.
using TorchSharp;
using static TorchSharp.torch;
using static GenAI.Torch.Tests.NN.NNFixtures;

namespace GenAI.Torch.Tests.NN;

public class AttentionTests
{
    [Fact]
    public void Scaled_dot_product_attention_plain_causal_and_masked_match_pytorch()
    {
        using var scope = NewDisposeScope();
        var q = Tensor("attention", "q");
        var k = Tensor("attention", "k");
        var v = Tensor("attention", "v");
        AssertClose(Get("attention", "plain"), nn.functional.scaled_dot_product_attention(q, k, v), what: "plain");
        AssertClose(Get("attention", "causal"), nn.functional.scaled_dot_product_attention(q, k, v, is_casual: true), what: "causal");
        var keep = torch.tensor(new[] { true, true, true, false, false });
        AssertClose(Get("attention", "key_mask"), nn.functional.scaled_dot_product_attention(q, k, v, attn_mask: keep), what: "key mask");
    }

    [Fact]
    public void Attention_with_mismatched_feature_sizes_names_both_shapes()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() =>
            nn.functional.scaled_dot_product_attention(torch.zeros(2, 4, 8), torch.zeros(2, 5, 7), torch.zeros(2, 5, 7)));
        Assert.Contains("[2, 4, 8]", e.Message);
        Assert.Contains("[2, 5, 7]", e.Message);
    }
}
