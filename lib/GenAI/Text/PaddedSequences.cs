using GenAI.Data;
using GenAI.Models;
using static TorchSharp.torch;

namespace GenAI.Text;

/// <summary>A whole batch of sequences for next-token training, padded to one length.</summary>
/// <param name="Inputs">[N, T]: the boundary token, then the sequence (padded with the boundary token).</param>
/// <param name="Targets">[N, T]: the sequence, then the boundary token (padded with <see cref="CharLstmLanguageModel.IgnoreIndex"/>).</param>
public sealed record PaddedSequences(Tensor Inputs, Tensor Targets) : IDisposable
{
    public long Count => Inputs.shape[0];

    /// <summary>Number of real (not padded) targets: the characters the loss averages over.</summary>
    public long TargetCount => Targets.ne(CharLstmLanguageModel.IgnoreIndex).sum().item<long>();

    /// <summary>A random mini-batch of rows, drawn with <paramref name="generator"/>.</summary>
    public (Tensor Inputs, Tensor Targets) RandomBatch(int batchSize, Generator? generator = null)
    {
        return RandomRows.Batch(Inputs, Targets, batchSize, generator);
    }

    public void Dispose()
    {
        Inputs.Dispose();
        Targets.Dispose();
    }
}
