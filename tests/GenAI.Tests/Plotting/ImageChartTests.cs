using GenAI.Plotting;

namespace GenAI.Tests.Plotting;

public class ImageChartTests
{
    private static int[] Pixel(GenAI.Plotting.Figure figure, int row, int column) =>
        PngReader.FromTrace(figure.Data[0]).Pixel(row, column);

    [Fact]
    public void Grey_image_is_scaled_from_its_own_min_and_max_to_0_255()
    {
        // -1 -> 0, 0 -> 127.5 -> 128 (round half to even gives 128), 1 -> 255.
        var figure = Chart.Image(new double[,] { { -1, 0 }, { 1, 0.5 } });

        var picture = PngReader.FromTrace(figure.Data[0]);
        Assert.Equal((2, 2), (picture.Width, picture.Height));
        Assert.Equal(new[] { 0, 0, 0 }, Pixel(figure, 0, 0));
        Assert.Equal(new[] { 128, 128, 128 }, Pixel(figure, 0, 1));
        Assert.Equal(new[] { 255, 255, 255 }, Pixel(figure, 1, 0));
        Assert.Equal(new[] { 191, 191, 191 }, Pixel(figure, 1, 1)); // 0.75 * 255 = 191.25
        Assert.False((bool)figure.Layout["xaxis"]!["showticklabels"]!);
    }

    [Fact]
    public void Given_range_clips_values_outside_it()
    {
        var figure = Chart.Image(new double[,] { { -0.5, 0.2, 1.5 } }, min: 0, max: 1);

        Assert.Equal(new[] { 0, 0, 0 }, Pixel(figure, 0, 0));
        Assert.Equal(new[] { 51, 51, 51 }, Pixel(figure, 0, 1));
        Assert.Equal(new[] { 255, 255, 255 }, Pixel(figure, 0, 2));
    }

    [Fact]
    public void Rgb_image_keeps_channels_apart()
    {
        var pixels = new double[1, 2, 3];
        pixels[0, 0, 0] = 1; // red
        pixels[0, 1, 2] = 1; // blue
        var figure = Chart.Image(pixels, title: "two pixels");

        Assert.Equal(new[] { 255, 0, 0 }, Pixel(figure, 0, 0));
        Assert.Equal(new[] { 0, 0, 255 }, Pixel(figure, 0, 1));
        Assert.Equal("two pixels", (string?)figure.Layout["title"]!["text"]);
    }

    [Fact]
    public void Image_with_four_channels_or_NaN_is_an_error()
    {
        var e = Assert.Throws<ArgumentException>(() => Chart.Image(new double[2, 2, 4]));
        Assert.StartsWith("Chart.Image: a colour image needs 3 channels (pixels[row, column, channel]), got 2x2x4.", e.Message);
        var nan = Assert.Throws<ArgumentException>(() => Chart.Image(new double[,] { { 0, double.NaN } }));
        Assert.StartsWith("Chart.Image: pixels[0,1,0] is NaN", nan.Message);
    }

    [Fact]
    public void Image_grid_tiles_images_with_white_padding_and_one_shared_scale()
    {
        // Three 1x1 images in 2 columns with 1 pixel of padding: a 5x5 picture.
        var images = new[] { new double[,] { { 0 } }, new double[,] { { 2 } }, new double[,] { { 4 } } };
        var figure = Chart.ImageGrid(images, columns: 2, padding: 1);

        var picture = PngReader.FromTrace(figure.Data[0]);
        Assert.Equal((5, 5), (picture.Width, picture.Height));
        Assert.Equal(new[] { 255, 255, 255 }, Pixel(figure, 0, 0)); // padding
        Assert.Equal(new[] { 0, 0, 0 }, Pixel(figure, 1, 1));       // image 0 = min
        Assert.Equal(new[] { 128, 128, 128 }, Pixel(figure, 1, 3)); // image 1 = middle
        Assert.Equal(new[] { 255, 255, 255 }, Pixel(figure, 3, 1)); // image 2 = max
        Assert.Equal(new[] { 255, 255, 255 }, Pixel(figure, 3, 3)); // empty cell stays white
    }

    [Fact]
    public void Image_grid_of_different_sizes_is_an_error()
    {
        var e = Assert.Throws<ArgumentException>(() => Chart.ImageGrid(new[] { new double[2, 2], new double[2, 3] }));
        Assert.Equal("Chart.ImageGrid: image 0 is 2x2 but image 1 is 2x3; all images must have one size.", e.Message);
    }
}
