using GenAI.Training;
using GenAI.Diffusion;
using GenAI.Models;
using GenAI.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Benchmarks;

/// <summary>
/// Model FLOPs utilisation of the course's main training loops: each loop's model, batch shape and
/// optimiser as its notebook runs it in full mode (random data of the same shapes: the kernels' cost
/// does not depend on the values), timed through the course's Trainer, its FLOPs per step counted by
/// <see cref="ModelFlops"/>, and the achieved rate divided by the single-thread sgemm peak measured in
/// the same run.
/// </summary>
static class UtilisationBenchmark
{
    public sealed record Loop(string Name, string Source, double FlopsPerStep, Func<double, double> StepsPerSecond);

    /// <summary>The course's loops: notebook 06's MLP LM, 10's GPT, 14's CNN, 19's U-Net.</summary>
    public static IReadOnlyList<Loop> CourseLoops() => new[]
    {
        new Loop("mlp-lm-06", "notebook 06: MlpLanguageModel(27, context 3, emb 10, hidden 200), batch 64, Adam",
            MlpLanguageModelFlops(), MlpLanguageModelBenchmark.StepsPerSecond),
        Gpt10(),
        Cnn14(),
        UNet19(),
    };

    /// <summary>FLOPs per step of the three benchmarks that bench.py also runs, so Python's utilisation can sit beside C#'s.</summary>
    public static IReadOnlyDictionary<string, double> PythonComparableFlops() => new Dictionary<string, double>
    {
        ["mlp-lm"] = MlpLanguageModelFlops(),
        ["transformer"] = TransformerBlockBenchmark.FlopsPerStep(),
        ["convnet"] = ConvNetBenchmark.FlopsPerStep(),
    };

    static double MlpLanguageModelFlops()
    {
        using var model = new MlpLanguageModel(new MlpLanguageModelConfig(27, 3, EmbeddingDim: 10, HiddenDim: 200));
        using var contexts = torch.randint(0, 27, [64, 3]);
        return ModelFlops.TrainingStep(model, () => model.call(contexts));
    }

    // Notebook 10 in full mode: the Austen characters (vocabulary 50), context 64, 4 layers, 4 heads, 128 wide, 12 windows a step, AdamW.
    const int GptVocab = 50, GptContext = 64, GptBatch = 12;
    static Loop Gpt10()
    {
        var config = new GptConfig(VocabSize: GptVocab, ContextLength: GptContext, Layers: 4, Heads: 4, EmbeddingDim: 128);
        double flops;
        using (var probe = new Gpt(config))
        using (var tokens = torch.randint(0, GptVocab, [GptBatch, GptContext]))
            flops = ModelFlops.TrainingStep(probe, () => probe.call(tokens),
                ModelFlops.AttentionProducts(GptBatch, GptContext, config.EmbeddingDim, config.Layers));
        return new Loop("gpt-10", $"notebook 10: GPT {config.Layers} layers x {config.EmbeddingDim}, {config.Heads} heads, context {GptContext}, vocabulary {GptVocab}, batch {GptBatch}, AdamW",
            flops, scale =>
            {
                torch.manual_seed(10);
                using var model = new Gpt(config);
                using var optimizer = optim.AdamW(model.parameters(), lr: 1e-3);
                using var x = torch.randint(0, GptVocab, [GptBatch, GptContext]);
                using var y = torch.randint(0, GptVocab, [GptBatch, GptContext]);
                return TrainingLoop.StepsPerSecond(model, optimizer,
                    () => nn.functional.cross_entropy(model.call(x).view(-1, GptVocab), y.view(-1)),
                    steps: Math.Max(1, (int)(40 * scale)), warmup: 3);
            });
    }

    // Notebook 14: CnnClassifierConfig() on 28x28 Fashion-MNIST, batch 128, Adam.
    static Loop Cnn14()
    {
        var config = new CnnClassifierConfig();
        double flops;
        using (var probe = new CnnClassifier(config))
        using (var images = torch.randn(128, 1, 28, 28))
            flops = ModelFlops.TrainingStep(probe, () => probe.call(images));
        return new Loop("cnn-14", "notebook 14: CnnClassifierConfig() (16 and 32 channels, 3x3, hidden 64), 28x28, batch 128, Adam",
            flops, scale =>
            {
                torch.manual_seed(14);
                using var model = new CnnClassifier(config);
                using var optimizer = optim.Adam(model.parameters(), lr: 2e-3);
                using var images = torch.randn(128, 1, 28, 28);
                using var labels = torch.randint(0, 10, [128]);
                return TrainingLoop.StepsPerSecond(model, optimizer, () => nn.functional.cross_entropy(model.call(images), labels),
                    steps: Math.Max(1, (int)(30 * scale)), warmup: 3);
            });
    }

    // Notebook 19: UNetConfig(1 channel, ModelDim 16, multipliers 1, 2, 2) on 16x16 images, batch 64, Adam 2e-3, T = 200.
    static Loop UNet19()
    {
        var config = new UNetConfig(Channels: 1, ModelDim: 16, ChannelMultipliers: new[] { 1, 2, 2 });
        double flops;
        using (var probe = new UNet(config))
        using (var x = torch.randn(64, 1, 16, 16))
        using (var t = torch.randint(0, 200, [64]))
            flops = ModelFlops.TrainingStep(probe, () => probe.call(x, t));
        return new Loop("unet-19", "notebook 19: UNetConfig(ModelDim 16, multipliers 1, 2, 2), 16x16, batch 64, Adam, noise-prediction MSE",
            flops, scale =>
            {
                torch.manual_seed(19);
                using var model = new UNet(config);
                using var optimizer = optim.Adam(model.parameters(), lr: 2e-3);
                var schedule = NoiseSchedule.Cosine(200);
                using var x0 = torch.randn(64, 1, 16, 16);
                using var generator = new Generator(19);
                return TrainingLoop.StepsPerSecond(model, optimizer,
                    () => DiffusionTraining.NoisePredictionLoss(model.PredictNoise, schedule, x0, generator: generator),
                    steps: Math.Max(1, (int)(30 * scale)), warmup: 3);
            });
    }
}
