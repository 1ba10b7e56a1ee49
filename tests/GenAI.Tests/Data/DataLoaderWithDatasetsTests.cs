using GenAI.Data;
using TorchSharp;

namespace GenAI.Tests.Data;

/// <summary>The loaders' tensors feed the engine's TorchSharp-style TensorDataset and DataLoader unchanged.</summary>
public class DataLoaderWithDatasetsTests
{
    [Fact]
    public void Digits_train_split_batches_through_a_shuffling_data_loader()
    {
        var parts = DigitsDataset.LoadSplits(seed: 0);
        parts.Validation.Dispose();
        parts.Test.Dispose();
        // The dataset takes ownership of the tensors and frees them when the loader disposes it.
        using var dataset = torch.utils.data.TensorDataset(parts.Train.Features, parts.Train.Labels);
        using var expectedCounts = torch.bincount(parts.Train.Labels, minlength: 10);
        long[] expected = expectedCounts.data<long>().ToArray();

        using var loader = torch.utils.data.DataLoader(dataset, 500, shuffle: true, seed: 1);
        var sizes = new List<long>();
        var counts = new long[10];
        foreach (var batch in loader)
        {
            Assert.Equal(64, batch[0].shape[1]);
            sizes.Add(batch[0].shape[0]);
            foreach (long label in batch[1].data<long>().ToArray()) counts[label]++;
        }
        Assert.Equal([500L, 500, 437], sizes); // 1437 training digits
        Assert.Equal(expected, counts);        // every training example exactly once per epoch
    }
}
