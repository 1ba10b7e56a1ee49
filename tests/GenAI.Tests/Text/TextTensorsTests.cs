using GenAI.Text;
using TorchSharp;

namespace GenAI.Tests.Text;

public class TextTensorsTests
{
    [Fact]
    public void One_hot_rows_have_a_single_one_at_the_token_id()
    {
        using var hot = TextTensors.OneHot([2L, 0, 2], vocabSize: 4);
        Assert.Equal([3L, 4], hot.shape);
        Assert.Equal(torch.ScalarType.Float32, hot.dtype);
        Assert.Equal([0f, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0], hot.data<float>().ToArray());
    }

    [Fact]
    public void One_hot_times_a_matrix_picks_its_rows_like_an_embedding_lookup()
    {
        using var table = torch.tensor(new float[] { 10, 11, 20, 21, 30, 31 }, [3L, 2]);
        using var hot = TextTensors.OneHot([2L, 0], vocabSize: 3);
        using var picked = hot.matmul(table);
        Assert.Equal([30f, 31, 10, 11], picked.data<float>().ToArray());
    }

    [Fact]
    public void One_hot_rejects_ids_outside_the_vocabulary()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TextTensors.OneHot([1L, 7], vocabSize: 4));
        Assert.Contains("Token id 7 at position 1", error.Message);
    }

    [Fact]
    public void Padded_batch_has_ids_and_mask_of_the_same_shape()
    {
        var (ids, mask) = TextTensors.PadBatch([[5L, 6, 7], [8L]], padId: 0);
        using (ids)
        using (mask)
        {
            Assert.Equal([2L, 3], ids.shape);
            Assert.Equal(torch.ScalarType.Int64, ids.dtype);
            Assert.Equal([5L, 6, 7, 8, 0, 0], ids.data<long>().ToArray());
            Assert.Equal([1L, 1, 1, 1, 0, 0], mask.data<long>().ToArray());
        }
    }
}
