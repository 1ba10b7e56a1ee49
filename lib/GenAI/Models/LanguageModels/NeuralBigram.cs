using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// The bigram model as a neural network: one weight matrix W [V, V] whose row i holds the logits
/// of the token after token i. Multiplying a one-hot vector by W just selects a row, so the layer
/// is an embedding lookup. Trained with cross-entropy, softmax(W) approaches the count model's
/// row-normalised table, because that table is the maximum-likelihood answer.
/// </summary>
public sealed class NeuralBigram : nn.Module<Tensor, Tensor>
{
    readonly Embedding logitTable;

    public NeuralBigram(int vocabSize, Device? device = null) : base(nameof(NeuralBigram))
    {
        if (vocabSize < 1) throw new ArgumentOutOfRangeException(nameof(vocabSize), vocabSize, "vocabSize must be at least 1.");
        VocabSize = vocabSize;
        // Embedding initialises W from N(0, 1), a fine start: all logits small, distribution near uniform-ish.
        logitTable = nn.Embedding(vocabSize, vocabSize, device: device);
        RegisterComponents();
    }

    public int VocabSize { get; }

    /// <summary>W [V, V]: row i = logits of the next token after token i.</summary>
    public Tensor Weight => logitTable.weight ?? throw new InvalidOperationException("The embedding has no weight.");

    /// <summary>Current tokens [N] (or [N, 1]) -> next-token logits [N, V].</summary>
    public override Tensor forward(Tensor current)
    {
        if (current.ndim == 2 && current.shape[1] == 1) current = current.squeeze(1);
        if (current.ndim != 1)
            throw new ArgumentException($"A bigram model reads one token per example: expected shape [N] or [N, 1], got {ShapeText.Of(current)}.", nameof(current));
        // logits = one_hot(x) @ W = W[x]
        return logitTable.call(current);
    }

    /// <summary>softmax over each row of W: the learned P(next | current) [V, V], comparable to <see cref="CountBigram.Probabilities"/>.</summary>
    public Tensor Probabilities()
    {
        using var noGrad = no_grad();
        return Weight.softmax(1);
    }
}
