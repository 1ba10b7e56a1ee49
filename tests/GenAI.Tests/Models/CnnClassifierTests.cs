using GenAI.Models;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

[Collection(SeededCollection.Name)]
public class CnnClassifierTests
{
    static readonly CnnClassifierConfig Small = new(ImageSize: 8, Channels1: 4, Channels2: 8, HiddenDim: 16, Classes: 3);

    [Fact]
    public void ForwardMapsImagesToLogitsAndFeaturesHaveThePlannedSizes()
    {
        manual_seed(0);
        using var model = new CnnClassifier(Small);
        using var images = rand(5, 1, 8, 8);
        using var logits = model.call(images);
        Assert.Equal(new long[] { 5, 3 }, logits.shape);
        var (first, second) = model.Features(images);
        Assert.Equal(new long[] { 5, 4, 8, 8 }, first.shape);                               // 'same' padding keeps 8x8
        Assert.Equal(new long[] { 5, 8, Small.PooledSize, Small.PooledSize }, second.shape);   // 8 -> 4 -> 2
        Assert.Equal(2, Small.PooledSize);
        Assert.Equal(Small.ParameterCount, model.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void FirstLayerFeatureMapsShiftWithTheImage()
    {
        // Convolution is equivariant: shifting the input shifts conv1's maps (eval mode, away from the border).
        manual_seed(1);
        using var model = new CnnClassifier(Small with { ImageSize = 12 });
        model.eval();
        using var images = zeros(1, 1, 12, 12);
        images[.., .., 3..8, 2..6] = rand(1, 1, 5, 4);
        using var shifted = nn.functional.pad(images, new long[] { 2, -2, 0, 0 });   // two pixels right, black fill
        var (maps, _) = model.Features(images);
        var (shiftedMaps, _) = model.Features(shifted);
        using var moved = nn.functional.pad(maps, new long[] { 2, -2, 0, 0 });
        Assert.True(shiftedMaps[.., .., .., 3..11].allclose(moved[.., .., .., 3..11], rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void LearnsWhichHalfOfTheImageIsBright()
    {
        manual_seed(2);
        var (images, labels) = HalfBrightImages.Make(48);
        using (images)
        using (labels)
        using (var model = new CnnClassifier(Small with { Classes = 2 }))
        using (var optimizer = optim.Adam(model.parameters(), lr: 1e-2))
            Assert.Equal(48, HalfBrightImages.FitAndCountCorrect(model, optimizer, images, labels, steps: 40));
    }

    [Fact]
    public void WrongImageShapeIsAClearError()
    {
        using var model = new CnnClassifier(Small);
        using var images = zeros(2, 3, 8, 8);
        var e = Assert.Throws<ArgumentException>(() => model.call(images));
        Assert.Equal("images", e.ParamName);
        Assert.Contains("[2, 3, 8, 8]", e.Message);
        Assert.Contains("[B, 1, 8, 8]", e.Message);
    }

    [Fact]
    public void EvenKernelIsAClearError()
    {
        var e = Assert.Throws<ArgumentException>(() => new CnnClassifier(Small with { KernelSize = 4 }));
        Assert.StartsWith("CnnClassifierConfig.KernelSize must be odd ('same' padding); got 4.", e.Message);
    }
}
