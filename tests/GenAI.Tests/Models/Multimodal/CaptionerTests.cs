using GenAI.Data;
using GenAI.Models;
using static TorchSharp.torch;

namespace GenAI.Tests.Models.Multimodal;

[Collection(SeededCollection.Name)]
public class CaptionerTests
{
    // vocabulary: 0 pad, 1 bos, 2 eos, 3..6 the four "words"
    static readonly CaptionerConfig Tiny = new(VocabSize: 7, ContextLength: 6, ModelDim: 16, Layers: 1, Heads: 2, FfnDim: 32,
        Image: new ImageEncoderConfig(ImageSize: 4, Channels: 4, ModelDim: 16, Pools: 1));

    [Fact]
    public void TeacherForcingShiftsTheCaptionByOne()
    {
        using var model = new Captioner(Tiny);
        var (inputs, targets) = model.TeacherForcing([[3, 4], [5]]);
        Assert.Equal(new long[] { 1, 3, 4, 1, 5, 0 }, inputs.data<long>().ToArray());
        Assert.Equal(new long[] { 3, 4, 2, 5, 2, -100 }, targets.data<long>().ToArray());
        var e = Assert.Throws<ArgumentException>(() => model.TeacherForcing([[3, 3, 3, 3, 3, 3]]));
        Assert.Contains("ContextLength is 6", e.Message);
    }

    [Fact]
    public void ItLearnsToCaptionAndGreedyAndBeamAgreeWithTheTruth()
    {
        // 2x2 images of 2x2 tiles: each tile is dark (word 3) or bright (word 4); caption = the four tiles in reading order
        manual_seed(11);
        using var tiles = tensor(new float[] { 0, 0, 0, 0, 1, 1, 1, 1 }).view(2, 4);
        using var tileLabels = tensor(new long[] { 3, 4 });
        using var g = new Generator(5);
        var (images, slots) = DigitComposites.Grid(tiles, tileLabels, count: 32, side: 2, generator: g);
        var captions = Enumerable.Range(0, 32).Select(i => (IReadOnlyList<long>)slots[i].data<long>().ToArray()).ToList();
        using var model = new Captioner(Tiny);
        var (inputs, targets) = model.TeacherForcing(captions);
        var optimizer = optim.Adam(model.parameters(), lr: 0.01);
        for (int step = 0; step < 150; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            model.Loss(images, inputs, targets).backward();
            optimizer.step();
        }
        var greedy = model.Greedy(images, maxLength: 5);
        for (int i = 0; i < 32; i++) Assert.Equal(captions[i], greedy[i]);
        for (int i = 0; i < 4; i++)
        {
            var beam = model.Beam(images[i], beamWidth: 3, maxLength: 5);
            Assert.Equal(captions[i], model.Caption(beam.Best));
            Assert.True(beam.Best.Finished);
        }
    }

    [Fact]
    public void WidthOneBeamIsGreedy()
    {
        manual_seed(12);
        using var model = new Captioner(Tiny);
        using var images = rand(3, 1, 4, 4);
        var greedy = model.Greedy(images, maxLength: 4);
        for (int i = 0; i < 3; i++)
        {
            var beam = model.Beam(images[i], beamWidth: 1, maxLength: 4);
            Assert.Equal(greedy[i], model.Caption(beam.Best));
        }
    }

    [Fact]
    public void ConfigAndInputErrorsNameTheProblem()
    {
        var e = Assert.Throws<ArgumentException>(() => new Captioner(Tiny with { EosId = 9 }));
        Assert.Contains("CaptionerConfig.EosId must be a token id in 0..6; got 9", e.Message);
        using var model = new Captioner(Tiny);
        using var images = rand(2, 1, 4, 4);
        using var ids = ones(3, 2, dtype: ScalarType.Int64);
        e = Assert.Throws<ArgumentException>(() => model.call(images, ids));
        Assert.Contains("B = 3", e.Message);
    }
}
