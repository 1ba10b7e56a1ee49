using GenAI.Text;
using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Benchmarks;

/// <summary>
/// The course's <see cref="MlpLanguageModel"/> in notebook 06's configuration (27 tokens, context 3,
/// embeddings of 10, 200 tanh units, Adam lr 0.01, batches of 64), each step drawing a random
/// batch from a pool of examples with <see cref="NextTokenExamples.RandomBatch"/> as the notebook
/// does. The pool is random tokens rather than the names: the speed does not depend on the letters.
/// </summary>
static class MlpLanguageModelBenchmark
{
    const int VocabSize = 27, ContextLength = 3, BatchSize = 64;
    // 25 000 sequences of 7 tokens give 200 000 examples, about as many as notebook 06's training names.
    const int Sequences = 25_000, SequenceLength = 7;

    public static double StepsPerSecond(double scale)
    {
        torch.manual_seed(42);
        var tokens = new Random(42);
        var sequences = Enumerable.Range(0, Sequences)
            .Select(_ => (IReadOnlyList<long>)Enumerable.Range(0, SequenceLength).Select(_ => (long)tokens.Next(1, VocabSize)).ToArray());
        using var examples = NextTokenExamples.Build(sequences, ContextLength, boundaryToken: 0);
        using var model = new MlpLanguageModel(new MlpLanguageModelConfig(VocabSize, ContextLength, EmbeddingDim: 10, HiddenDim: 200));
        using var optimizer = optim.Adam(model.parameters(), lr: 1e-2);
        using var batches = new Generator(42);
        return TrainingLoop.StepsPerSecond(model, optimizer, () =>
            {
                var (x, y) = examples.RandomBatch(BatchSize, batches);
                return nn.functional.cross_entropy(model.call(x), y);
            },
            steps: Math.Max(1, (int)(2000 * scale)), warmup: 50);
    }
}
