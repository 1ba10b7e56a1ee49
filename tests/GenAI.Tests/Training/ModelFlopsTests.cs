using GenAI.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Training;

public class ModelFlopsTests
{
    [Fact]
    public void Linear_layers_count_two_operations_per_multiply_add()
    {
        // 5 rows through 3 -> 4 (12 weights) then 4 -> 2 (8 weights): 5 * (12 + 8) multiply-adds.
        using var model = nn.Sequential(("a", nn.Linear(3, 4)), ("relu", nn.ReLU()), ("b", nn.Linear(4, 2)));
        using var x = torch.randn(5, 3);

        Assert.Equal(2.0 * 5 * (12 + 8), ModelFlops.Forward(model, () => model.call(x)));
        Assert.Equal(3 * (200.0 + 10), ModelFlops.TrainingStep(model, () => model.call(x), extraForwardFlops: 10));
    }

    [Fact]
    public void Linear_over_a_sequence_counts_every_position()
    {
        using var model = nn.Sequential(("proj", nn.Linear(8, 16)));
        using var x = torch.randn(2, 7, 8);   // 14 positions of 8 features
        Assert.Equal(2.0 * 14 * 8 * 16, ModelFlops.Forward(model, () => model.call(x)));
    }

    [Fact]
    public void Convolutions_count_output_positions_times_the_kernel()
    {
        // 2 -> 3 channels, 3x3, padding 1 on 2 images of 5x5: every one of 2*3*5*5 outputs takes 2*3*3 multiply-adds.
        using var conv = nn.Sequential(("conv", nn.Conv2d(2, 3, 3, padding: 1)));
        using var x = torch.randn(2, 2, 5, 5);
        Assert.Equal(2.0 * (2 * 3 * 5 * 5) * (2 * 3 * 3), ModelFlops.Forward(conv, () => conv.call(x)));

        // Transposed 3 -> 2 channels, 2x2 stride 2 on 1 image of 4x4: every input value meets 2*2*2 weights.
        using var up = nn.Sequential(("up", nn.ConvTranspose2d(3, 2, 2, stride: 2)));
        using var y = torch.randn(1, 3, 4, 4);
        Assert.Equal(2.0 * (3 * 4 * 4) * (2 * 2 * 2), ModelFlops.Forward(up, () => up.call(y)));
    }

    [Fact]
    public void Hooks_are_removed_after_counting()
    {
        using var model = nn.Sequential(("a", nn.Linear(3, 4)));
        using var x = torch.randn(1, 3);
        double first = ModelFlops.Forward(model, () => model.call(x));
        double second = ModelFlops.Forward(model, () => model.call(x));
        Assert.Equal(first, second);   // a hook left behind would count the layer twice the second time
    }

    [Fact]
    public void Attention_products_are_two_batched_matmuls_per_layer()
    {
        // B = 2, T = 4, d = 8: QK^T is 2*4*4*8 multiply-adds, AV the same; 2 layers.
        Assert.Equal(2 * 2 * (2.0 * 2 * 4 * 4 * 8), ModelFlops.AttentionProducts(2, 4, 8, layers: 2));
    }
}
