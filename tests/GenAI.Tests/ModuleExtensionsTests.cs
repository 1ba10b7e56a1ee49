using static TorchSharp.torch;

namespace GenAI.Tests;

public sealed class ModuleExtensionsTests
{
    [Fact]
    public void ParameterCount_counts_weights_and_biases()
    {
        // The notes' example: 16 inputs, 5 outputs, with bias: 16 * 5 + 5 = 85.
        using var layer = nn.Linear(16, 5);
        Assert.Equal(85, layer.ParameterCount());
    }

    [Fact]
    public void TrainableParameterCount_leaves_out_frozen_parameters()
    {
        using var net = nn.Sequential(nn.Linear(4, 3), nn.Linear(3, 2));
        var first = net.parameters().Take(2).ToList();
        foreach (var p in first) p.requires_grad = false;
        Assert.Equal(4 * 3 + 3 + 3 * 2 + 2, net.ParameterCount());
        Assert.Equal(3 * 2 + 2, net.TrainableParameterCount());
    }

    [Fact]
    public void ShapeText_writes_shapes_as_error_messages_do()
    {
        using var x = zeros(2, 3);
        using var s = tensor(1.0f);
        Assert.Equal("[2, 3]", x.ShapeString());
        Assert.Equal("[]", ShapeText.Of(s));
    }
}
