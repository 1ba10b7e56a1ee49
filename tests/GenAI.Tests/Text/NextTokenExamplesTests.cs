using GenAI.Text;
using GenAI.Models;

namespace GenAI.Tests.Text;

public class NextTokenExamplesTests
{
    [Fact]
    public void BigramExamplesAreThePairsOfTheFramedSequence()
    {
        // "ab" framed by the boundary 0 is . a b . -> pairs (.,a) (a,b) (b,.)
        using var examples = NextTokenExamples.Build([[1, 2]], contextLength: 1, boundaryToken: 0);
        Assert.Equal(new long[] { 0, 1, 2 }, examples.Contexts.data<long>().ToArray());
        Assert.Equal(new long[] { 1, 2, 0 }, examples.Targets.data<long>().ToArray());
        Assert.Equal(new long[] { 3, 1 }, examples.Contexts.shape);
    }

    [Fact]
    public void LongerContextsArePaddedWithTheBoundaryAndSlide()
    {
        using var examples = NextTokenExamples.Build([[1, 2], [3]], contextLength: 3, boundaryToken: 0);
        Assert.Equal(new long[]
        {
            0, 0, 0,  // -> 1
            0, 0, 1,  // -> 2
            0, 1, 2,  // -> boundary
            0, 0, 0,  // -> 3 (a new sequence starts from an empty context)
            0, 0, 3,  // -> boundary
        }, examples.Contexts.data<long>().ToArray());
        Assert.Equal(new long[] { 1, 2, 0, 3, 0 }, examples.Targets.data<long>().ToArray());
    }

    [Fact]
    public void RandomBatchesAreReproducibleWithASeededGenerator()
    {
        using var examples = NextTokenExamples.Build([[1, 2, 3, 4, 5, 6, 7, 8]], contextLength: 2, boundaryToken: 0);
        using var g1 = new TorchSharp.torch.Generator(5);
        using var g2 = new TorchSharp.torch.Generator(5);
        var (x1, y1) = examples.RandomBatch(16, g1);
        var (x2, y2) = examples.RandomBatch(16, g2);
        Assert.Equal(x1.data<long>().ToArray(), x2.data<long>().ToArray());
        Assert.Equal(y1.data<long>().ToArray(), y2.data<long>().ToArray());
        Assert.Equal(new long[] { 16, 2 }, x1.shape);
    }

    [Fact]
    public void NoSequencesIsAClearError()
    {
        var e = Assert.Throws<ArgumentException>(() => NextTokenExamples.Build([], 1, 0));
        Assert.Contains("No sequences", e.Message);
    }
}
