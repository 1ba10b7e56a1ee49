using GenAI.Plotting;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Plotting;

public class TensorChartTests
{
    private static int[] Pixel(Figure figure, int row, int column) => PngReader.FromTrace(figure.Data[0]).Pixel(row, column);

    [Fact]
    public void Grey_tensor_is_scaled_from_its_min_and_max_like_the_array_version()
    {
        using var image = torch.tensor(new float[] { -1, 0, 1, 0.5f }, new long[] { 2, 2 });

        var figure = Chart.Image(image);

        Assert.Equal(new[] { 0, 0, 0 }, Pixel(figure, 0, 0));
        Assert.Equal(new[] { 128, 128, 128 }, Pixel(figure, 0, 1)); // 127.5 rounds to even
        Assert.Equal(new[] { 255, 255, 255 }, Pixel(figure, 1, 0));
        Assert.Equal(new[] { 191, 191, 191 }, Pixel(figure, 1, 1)); // 191.25
    }

    [Fact]
    public void Channel_first_and_channel_last_colour_tensors_give_the_same_picture()
    {
        // A 2x1 picture: top pixel red, bottom pixel blue, in [3, 2, 1] and in [2, 1, 3] layout.
        using var chw = torch.tensor(new float[] { 1, 0, 0, 0, 0, 1 }, new long[] { 3, 2, 1 });
        using var hwc = torch.tensor(new float[] { 1, 0, 0, 0, 0, 1 }, new long[] { 2, 1, 3 });

        var first = Chart.Image(chw);
        var last = Chart.Image(hwc);

        Assert.Equal(new[] { 255, 0, 0 }, Pixel(first, 0, 0));
        Assert.Equal(new[] { 0, 0, 255 }, Pixel(first, 1, 0));
        Assert.Equal(new[] { 255, 0, 0 }, Pixel(last, 0, 0));
        Assert.Equal(new[] { 0, 0, 255 }, Pixel(last, 1, 0));
    }

    [Fact]
    public void A_leading_dimension_of_1_or_3_is_read_as_channels_first()
    {
        // [1, 2, 3] could be one grey 2x3 image or a 1x2 colour image: PyTorch's channels-first wins.
        using var ambiguous = torch.tensor(new float[] { 0, 1, 2, 3, 4, 5 }, new long[] { 1, 2, 3 });

        var picture = PngReader.FromTrace(Chart.Image(ambiguous).Data[0]);

        Assert.Equal((3, 2), (picture.Width, picture.Height));
        Assert.Equal(new[] { 153, 153, 153 }, picture.Pixel(1, 0)); // 3 of 0..5 -> 153
    }

    [Fact]
    public void Image_grid_from_a_batch_matches_the_array_version()
    {
        // Seven random 1x4x5 images in 3 columns: the torch path must give the array path's pixels exactly.
        var generator = new Random(7);
        var values = Enumerable.Range(0, 7 * 4 * 5).Select(_ => (float)generator.NextDouble() * 10 - 5).ToArray();
        using var batch = torch.tensor(values, new long[] { 7, 1, 4, 5 });
        var arrays = Enumerable.Range(0, 7).Select(n =>
        {
            var a = new double[4, 5];
            for (int r = 0; r < 4; r++)
                for (int c = 0; c < 5; c++)
                    a[r, c] = values[n * 20 + r * 5 + c];
            return a;
        }).ToArray();

        var fromTensor = PngReader.FromTrace(Chart.ImageGrid(batch, columns: 3, padding: 1).Data[0]);
        var fromArrays = PngReader.FromTrace(Chart.ImageGrid(arrays, columns: 3, padding: 1).Data[0]);

        Assert.Equal((1 + 3 * 6, 1 + 3 * 5), (fromTensor.Width, fromTensor.Height));
        for (int r = 0; r < fromArrays.Height; r++)
            for (int c = 0; c < fromArrays.Width; c++)
                Assert.Equal(fromArrays.Pixel(r, c), fromTensor.Pixel(r, c));
    }

    [Fact]
    public void Wrong_shapes_and_NaN_are_errors_that_name_the_shape()
    {
        using var four = torch.zeros(new long[] { 2, 2, 2, 2 });
        var e = Assert.Throws<ArgumentException>(() => Chart.Image(four));
        Assert.StartsWith("Chart.Image: an image tensor must be [H, W], [1, H, W], [3, H, W] or [H, W, 3]; got [2, 2, 2, 2].", e.Message);

        using var twoChannels = torch.zeros(new long[] { 4, 2, 3, 3 });
        var grid = Assert.Throws<ArgumentException>(() => Chart.ImageGrid(twoChannels));
        Assert.StartsWith("Chart.ImageGrid: a batch of images must be [N, C, H, W] with C = 1 or 3, or [N, H, W]; got [4, 2, 3, 3].", grid.Message);

        using var nan = torch.tensor(new float[] { 0, float.NaN, 1, float.PositiveInfinity }, new long[] { 2, 2 });
        var bad = Assert.Throws<ArgumentException>(() => Chart.Image(nan));
        Assert.Equal("Chart.Image: the tensor [2, 2] holds 2 NaN or infinite value(s); a chart cannot show them.", bad.Message);
    }

    [Fact]
    public void Empty_images_are_errors_that_name_the_shape()
    {
        using var noRows = torch.zeros(new long[] { 0, 5 });
        foreach (var call in new Func<Figure>[] { () => Chart.Image(noRows), () => Chart.Image(noRows, min: 0, max: 1) })
        {
            var e = Assert.Throws<ArgumentException>(() => call());
            Assert.Equal("image", e.ParamName);
            Assert.StartsWith("Chart.Image: the image is empty ([0, 5]): it needs at least one row and one column.", e.Message);
        }

        // Without the check this drew a grid of white padding and nothing else.
        using var noColumns = torch.zeros(new long[] { 2, 1, 4, 0 });
        var grid = Assert.Throws<ArgumentException>(() => Chart.ImageGrid(noColumns, min: 0, max: 1));
        Assert.Equal("images", grid.ParamName);
        Assert.StartsWith("Chart.ImageGrid: the images are empty ([2, 1, 4, 0]): each needs at least one row and one column.", grid.Message);
    }

    [Fact]
    public void Heatmap_of_a_tensor_writes_its_rows()
    {
        using var attention = torch.tensor(new float[] { 0.75f, 0.25f, 0.5f, 0.5f, 1, 0 }, new long[] { 3, 2 });

        var trace = Chart.Heatmap(attention).Data[0]!;

        Assert.Equal(new[] { new[] { 0.75, 0.25 }, new[] { 0.5, 0.5 }, new[] { 1.0, 0 } }, Json.Rows(trace["z"]));
        using var cube = torch.zeros(new long[] { 2, 2, 2 });
        Assert.StartsWith("Chart.Heatmap: z must be a 2-D tensor [rows, columns], got [2, 2, 2].",
            Assert.Throws<ArgumentException>(() => Chart.Heatmap(cube)).Message);
    }
}
