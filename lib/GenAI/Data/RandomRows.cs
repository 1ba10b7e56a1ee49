using static TorchSharp.torch;

namespace GenAI.Data;

/// <summary>
/// Random mini-batches of rows, the one place the course draws batch indices. A course
/// <see cref="Generator"/> is a CPU generator, and libtorch refuses it for a draw on CUDA, so the
/// indices are drawn on the CPU and then moved to the data's device.
/// </summary>
public static class RandomRows
{
    /// <summary><paramref name="batchSize"/> row indices in [0, <paramref name="count"/>), drawn with replacement, on <paramref name="device"/>.</summary>
    public static Tensor Indices(long count, int batchSize, Device device, Generator? generator = null)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "there are no rows to draw from");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1");
        using var cpu = randint(count, [batchSize], generator: generator);
        return cpu.to(device);
    }

    /// <summary>The same random rows of two tensors that share their first dimension (inputs and targets).</summary>
    public static (Tensor First, Tensor Second) Batch(Tensor first, Tensor second, int batchSize, Generator? generator = null)
    {
        if (first.shape[0] != second.shape[0])
            throw new ArgumentException($"the two tensors must have the same number of rows; got {ShapeText.Of(first)} and {ShapeText.Of(second)}");
        using var rows = Indices(first.shape[0], batchSize, first.device, generator);
        return (first.index_select(0, rows), second.index_select(0, rows));
    }

    /// <summary>Random rows of one tensor (images for an autoencoder, latent codes).</summary>
    public static Tensor Batch(Tensor rows, int batchSize, Generator? generator = null)
    {
        using var index = Indices(rows.shape[0], batchSize, rows.device, generator);
        return rows.index_select(0, index);
    }
}
