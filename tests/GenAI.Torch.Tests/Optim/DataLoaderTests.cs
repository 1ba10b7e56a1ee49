// torch.utils.data: TensorDataset items, batching, drop_last, reproducible shuffling.
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Torch.Tests.Optim;

public class DataLoaderTests
{
    private static (Tensor x, Tensor y) Data(int n) =>
        (torch.arange(0, n * 2, 1, ScalarType.Float32).reshape(n, 2), torch.arange(0, n, 1, ScalarType.Int64));

    [Fact]
    public void Batches_cover_the_data_in_order_without_shuffle()
    {
        var (x, y) = Data(10);
        using var loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), 4);
        Assert.Equal(3, loader.Count);
        var sizes = new List<long>();
        var labels = new List<long>();
        foreach (var batch in loader)
        {
            sizes.Add(batch[0].shape[0]);
            labels.AddRange(batch[1].data<long>().ToArray());
            // row i of x is [2i, 2i + 1]
            var rows = batch[0].data<float>().ToArray();
            var ids = batch[1].data<long>().ToArray();
            for (int k = 0; k < ids.Length; k++) Assert.Equal(2f * ids[k], rows[2 * k]);
        }
        Assert.Equal(new long[] { 4, 4, 2 }, sizes);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), labels);
    }

    [Fact]
    public void Drop_last_skips_the_incomplete_batch()
    {
        var (x, y) = Data(10);
        using var loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), 4, drop_last: true);
        Assert.Equal(2, loader.Count);
        Assert.Equal(2, loader.Count());
    }

    [Fact]
    public void Shuffle_with_a_seed_is_a_reproducible_permutation_that_changes_each_epoch()
    {
        List<long> Epochs(int seed, int epochs)
        {
            var (x, y) = Data(12);
            using var loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), 5, shuffle: true, seed: seed);
            var seen = new List<long>();
            for (int e = 0; e < epochs; e++)
                foreach (var batch in loader) seen.AddRange(batch[1].data<long>().ToArray());
            return seen;
        }
        var a = Epochs(7, 2);
        var b = Epochs(7, 2);
        Assert.Equal(a, b);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (long)i), a.Take(12).OrderBy(v => v));
        Assert.NotEqual(a.Take(12), a.Skip(12));
        Assert.NotEqual(Enumerable.Range(0, 12).Select(i => (long)i), a.Take(12));
    }

    [Fact]
    public void TensorDataset_rejects_tensors_of_different_lengths_naming_both()
    {
        var e = Assert.Throws<ArgumentException>(() => torch.utils.data.TensorDataset(torch.zeros(5, 2), torch.zeros(4)));
        Assert.Contains("5", e.Message);
        Assert.Contains("4", e.Message);
    }

    private sealed class Squares : torch.utils.data.Dataset
    {
        public override long Count => 5;
        public override Dictionary<string, Tensor> GetTensor(long index) => new()
        {
            ["x"] = torch.tensor((float)index),
            ["y"] = torch.tensor((float)(index * index)),
        };
    }

    [Fact]
    public void Dictionary_dataset_batches_stack_each_key()
    {
        using var loader = torch.utils.data.DataLoader(new Squares(), 2);
        var ys = new List<float>();
        foreach (var batch in loader)
        {
            Assert.Equal(batch["x"].shape, batch["y"].shape);
            ys.AddRange(batch["y"].data<float>().ToArray());
        }
        Assert.Equal(new float[] { 0, 1, 4, 9, 16 }, ys);
    }
}
