using GenAI.Metrics;
using GenAI.Models;
using GenAI.Training;
using static TorchSharp.torch;

namespace GenAI.Tests.Models.Multimodal;

[Collection(SeededCollection.Name)]
public sealed class MultimodalTrainingTests : IDisposable
{
    readonly string folder = Path.Combine(Path.GetTempPath(), "genai-mm-store-" + Guid.NewGuid().ToString("N"));
    CheckpointStore Store() => new(folder) { Log = _ => { } };

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void OnePerClassDrawsEachClassExactlyOnceInEveryGroup()
    {
        using var labels = tensor(new long[] { 2, 0, 1, 0, 2, 2, 1 });
        using var g = new Generator(1);
        using var idx = MultimodalTraining.OnePerClass(labels, groups: 200, g);
        Assert.Equal(new long[] { 200, 3 }, idx.shape);
        using var drawn = labels.index_select(0, idx.flatten()).view(200, 3);
        using var expected = tensor(new long[] { 0, 1, 2 }).expand(200, 3);
        Assert.True(drawn.eq(expected).all().item<bool>());
        // every row of class 2 (rows 0, 4, 5) gets drawn: the offsets cover each class's rows
        var class2 = idx[.., 2].data<long>().ToHashSet();
        Assert.Equal(new HashSet<long> { 0, 4, 5 }, class2);
        var e = Assert.Throws<ArgumentException>(() => MultimodalTraining.OnePerClass(tensor(new float[] { 1 }), 2));
        Assert.Contains("int64", e.Message);
    }

    [Fact]
    public void SlotCaptionsAreBosWordsAndWordsEos()
    {
        using var slots = tensor(new long[] { 0, 3, 9, 1 }).view(2, 2);
        var (inputs, targets) = MultimodalTraining.SlotCaptions(slots, firstWordId: 3, bosId: 1, eosId: 2);
        Assert.Equal(new long[] { 1, 3, 6, 1, 12, 4 }, inputs.data<long>().ToArray());
        Assert.Equal(new long[] { 3, 6, 2, 12, 4, 2 }, targets.data<long>().ToArray());
    }

    static readonly ClipConfig TinyClip = new(VocabSize: 6, ContextLength: 2, ModelDim: 16, Layers: 1, Heads: 2, FfnDim: 32, EmbedDim: 8,
        Image: new ImageEncoderConfig(ImageSize: 4, Channels: 4, ModelDim: 16));

    [Fact]
    public void GroupLossIsTheMeanOfEachGroupsSymmetricInfoNce()
    {
        manual_seed(4);
        using var clip = new Clip(TinyClip);
        using var images = rand(6, 16);
        using var texts = tensor(new long[] { 1, 2, 3, 4, 5, 1, 2, 2, 3, 3, 4, 4 }).view(6, 2);
        using var loss = MultimodalTraining.GroupLoss(clip, images, texts, groups: 2);
        using var first = ContrastiveLoss.SymmetricInfoNce(clip.call(images[..3], texts[..3]));
        using var second = ContrastiveLoss.SymmetricInfoNce(clip.call(images[3..], texts[3..]));
        Assert.Equal((first.item<float>() + second.item<float>()) / 2, loss.item<float>(), 4);
        Assert.Throws<ArgumentException>(() => MultimodalTraining.GroupLoss(clip, images, texts, groups: 4));
    }

    [Fact]
    public void TrainClipSeparatesThreeClassesAndTheStoreGivesItBack()
    {
        // three classes of 4x4 images: top half bright, bottom half bright, noise; texts "1 1", "2 2", "3 3" (two per class)
        manual_seed(7);
        using var top = cat([ones(10, 8), zeros(10, 8)], 1);
        using var bottom = cat([zeros(10, 8), ones(10, 8)], 1);
        using var noise = rand(10, 16).mul(0.3);
        using var images = cat([top, bottom, noise]).add(rand(30, 16).mul(0.1));
        using var labels = arange(3L).repeat_interleave(10);
        using var texts = tensor(new long[] { 1, 1, 1, 4, 2, 2, 2, 5, 3, 3, 3, 4 }).view(6, 2);
        var settings = new ClipTraining(TinyClip, Steps: 150, Groups: 4, LearningRate: 3e-3);
        var run = MultimodalTraining.TrainClip("test-clip", settings, images, labels, texts, textsPerClass: 2, seed: 1, store: Store());
        Assert.False(run.Loaded);
        Assert.True(run.Summary.LastTrain < run.Summary.Train[0].Loss / 2, $"loss {run.Summary.Train[0].Loss} -> {run.Summary.LastTrain}");
        Tensor classVectors;
        using (no_grad()) classVectors = ZeroShotClassifier.ClassEmbeddings(
            names => run.Model.EncodeTexts(tensor(names.Select(n => long.Parse(n)).SelectMany(k => new[] { k, k }).ToArray(), [names.Count, 2])),
            ["1", "2", "3"], ["{0}"]);
        using (no_grad()) Assert.Equal(1.0, ZeroShotClassifier.Accuracy(run.Model.EncodeImages(images), classVectors, labels), 3);
        var again = MultimodalTraining.TrainClip("test-clip", settings, images, labels, texts, textsPerClass: 2, seed: 1, store: Store());
        Assert.True(again.Loaded);
        using (no_grad()) Assert.True(again.Model.EncodeImages(images).allclose(run.Model.EncodeImages(images), atol: 1e-6));
    }

    [Fact]
    public void TrainCaptionerLearnsTileCaptionsAndReloads()
    {
        // tiles: dark = label 0, bright = label 1; words 3 and 4
        using var tiles = tensor(new float[] { 0, 0, 0, 0, 1, 1, 1, 1 }).view(2, 4);
        using var tileLabels = tensor(new long[] { 0, 1 });
        var config = new CaptionerConfig(VocabSize: 5, ContextLength: 6, ModelDim: 16, Layers: 1, Heads: 2, FfnDim: 32,
            Image: new ImageEncoderConfig(ImageSize: 4, Channels: 4, ModelDim: 16, Pools: 1));
        var settings = new CaptionerTraining(config, Steps: 400, BatchSize: 32, LearningRate: 2e-3);
        var run = MultimodalTraining.TrainCaptioner("test-captioner", settings, tiles, tileLabels, firstWordId: 3, seed: 2, store: Store());
        Assert.True(run.Summary.LastTrain < 0.2, $"final loss {run.Summary.LastTrain}");
        using var g = new Generator(9);
        var (grid, slots) = GenAI.Data.DigitComposites.Grid(tiles, tileLabels, 8, 2, g);
        var captions = run.Model.Greedy(grid, maxLength: 5);
        for (int i = 0; i < 8; i++) Assert.Equal(slots[i].add(3).data<long>().ToArray(), captions[i]);
        Assert.True(MultimodalTraining.TrainCaptioner("test-captioner", settings, tiles, tileLabels, 3, 2, store: Store()).Loaded);
        Assert.Throws<ArgumentException>(() => MultimodalTraining.TrainCaptioner("x", settings, tiles, tileLabels, firstWordId: 4, seed: 2, store: Store()));
    }

    [Fact]
    public void TrainMixedStreamLearnsBothDirectionsOfATinyStream()
    {
        // two "images" of 3 pixels with the text words 0 and 1; the stream holds both caption and draw sequences
        var stream = new MixedTokenStream(textVocabSize: 2, levels: 2, pixels: 3);
        using var pixels = tensor(new float[] { 0, 1, 0, 1, 0, 1 }).view(2, 3);
        using var words = tensor(new long[] { 0, 1 }).view(2, 1);
        using var sequences = cat([stream.CaptionSequences(pixels, words), stream.DrawSequences(words, pixels)]);
        var settings = new MixedStreamTraining(new GptConfig(stream.VocabSize, ContextLength: 5, Layers: 2, Heads: 2, EmbeddingDim: 32), Steps: 200, BatchSize: 8, LearningRate: 5e-3);
        var run = MultimodalTraining.TrainMixedStream("test-gato", settings, sequences, seed: 3, store: Store());
        run.Model.eval();
        var word = stream.Generate(run.Model.NextTokenLogits, [stream.ImageMarker, 3, 2, 3, stream.TextMarker], 1, Modality.Text);
        Assert.Equal(new long[] { 1 }, word);   // pixels 1 0 1 are word 1
        var drawn = stream.Generate(run.Model.NextTokenLogits, [stream.TextMarker, 0, stream.ImageMarker], 3, Modality.Image);
        Assert.Equal(new long[] { 2, 3, 2 }, drawn);   // word 0 draws 0 1 0 (grey-level tokens start at 2)
        Assert.Equal(new long[] { 3, 2, 3 }, stream.Generate(run.Model.NextTokenLogits, [stream.TextMarker, 1, stream.ImageMarker], 3, Modality.Image));
        Assert.True(MultimodalTraining.TrainMixedStream("test-gato", settings, sequences, seed: 3, store: Store()).Loaded);
        var e = Assert.Throws<ArgumentException>(() => MultimodalTraining.TrainMixedStream("x", settings with { Model = settings.Model with { ContextLength = 3 } }, sequences, 3, store: Store()));
        Assert.Contains("ContextLength", e.Message);
    }
}
