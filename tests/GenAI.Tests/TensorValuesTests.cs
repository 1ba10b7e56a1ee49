using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests;

public class TensorValuesTests
{
    [Fact]
    public void ToDoubles_flattens_in_row_major_order_from_any_real_dtype()
    {
        using var grid = torch.tensor(new float[] { 1.5f, -2, 3, 4 }, new long[] { 2, 2 });
        using var counts = torch.tensor(new long[] { 7, 8 });

        Assert.Equal(new[] { 1.5, -2, 3, 4 }, grid.ToDoubles());
        Assert.Equal(new[] { 7.0, 8.0 }, counts.ToDoubles());
        Assert.Equal(new[] { 2.0 }, torch.tensor(2.0f).ToDoubles());   // a scalar is one value
    }

    [Fact]
    public void ToInts_reads_labels_and_refuses_fractions()
    {
        using var labels = torch.tensor(new long[] { 3, 0, 9 });
        using var fractions = torch.tensor(new[] { 1.0, 2.5 });

        Assert.Equal(new[] { 3, 0, 9 }, labels.ToInts());
        Assert.Equal(new[] { 1, 0 }, torch.tensor(new[] { true, false }).ToInts());
        Assert.Equal("ToInts: element 1 of the [2] tensor is 2.5, not a whole number that fits an int. (Parameter 'tensor')",
            Assert.Throws<ArgumentException>(() => fractions.ToInts()).Message);
    }

    [Fact]
    public void Complex_tensors_are_refused_with_their_dtype()
    {
        using var complex = torch.zeros(2, dtype: ScalarType.ComplexFloat32);
        Assert.StartsWith("ToDoubles: the tensor [2] is complex (ComplexFloat32)", Assert.Throws<ArgumentException>(() => complex.ToDoubles()).Message);
    }
}
