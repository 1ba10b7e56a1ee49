using GenAI.Metrics;
using static TorchSharp.torch;

namespace GenAI.Tests.Metrics;

public class GeneratorEvaluationTests
{
    [Fact]
    public void HistogramCountsCoverageAndTheLargestShare()
    {
        // 10 samples over 4 classes: class 0 x6, class 1 x3, class 3 x1, class 2 never
        using var predicted = tensor(new long[] { 0, 0, 1, 0, 3, 1, 0, 0, 1, 0 });
        var h = GeneratorEvaluation.Histogram(predicted, 4, coveredShare: 0.2);
        Assert.Equal(new long[] { 6, 3, 0, 1 }, h.Counts);
        Assert.Equal(10, h.Total);
        Assert.Equal(0.6, h.LargestShare, 12);
        Assert.Equal(0, h.LargestClass);
        Assert.Equal(2, h.ClassesCovered);   // 60 % and 30 % reach 20 %; 10 % does not
        Assert.Equal(3, GeneratorEvaluation.Histogram(predicted, 4, coveredShare: 0.1).ClassesCovered);
        Assert.Contains("2 of 4 classes covered", h.ToString());
    }

    [Fact]
    public void PerClassAccuracyIsTheShareOfEachRequestedClassLabelledAsAsked()
    {
        using var requested = tensor(new long[] { 0, 0, 0, 0, 1, 1, 2, 2 });
        using var predicted = tensor(new long[] { 0, 0, 0, 1, 1, 2, 2, 2 });
        var acc = GeneratorEvaluation.PerClassAccuracy(predicted, requested, 4);
        Assert.Equal(0.75, acc[0], 12);
        Assert.Equal(0.5, acc[1], 12);
        Assert.Equal(1.0, acc[2], 12);
        Assert.True(double.IsNaN(acc[3]));   // never asked for
    }

    [Fact]
    public void MeanPairwiseDistanceIsTheAverageOverPairsOfDifferentSamples()
    {
        // (0,0), (3,4), (0,4): distances 5, 3 and 4, each pair counted both ways -> mean 4
        using var f = tensor(new float[] { 0, 0, 3, 4, 0, 4 }, new long[] { 3, 2 });
        Assert.Equal(4.0, GeneratorEvaluation.MeanPairwiseDistance(f), 5);
        using var same = tensor(new float[] { 1, 2, 1, 2 }, new long[] { 2, 2 });
        Assert.Equal(0.0, GeneratorEvaluation.MeanPairwiseDistance(same), 5);
        using var one = tensor(new float[] { 1, 2 }, new long[] { 1, 2 });
        Assert.Contains("at least 2", Assert.Throws<ArgumentException>(() => GeneratorEvaluation.MeanPairwiseDistance(one)).Message);
    }

    [Fact]
    public void WithinClassDiversityMeasuresEachClassApart()
    {
        // class 0: (0,0), (3,4) -> 5; class 1: (0,4), (0,4), (0,1) -> distances 0, 3, 3 -> mean 2; class 2: one sample -> NaN
        using var f = tensor(new float[] { 0, 0, 3, 4, 0, 4, 0, 4, 0, 1, 7, 7 }, new long[] { 6, 2 });
        using var c = tensor(new long[] { 0, 0, 1, 1, 1, 2 });
        var d = GeneratorEvaluation.WithinClassDiversity(f, c, 4);
        Assert.Equal(5.0, d[0], 5);
        Assert.Equal(2.0, d[1], 5);
        Assert.True(double.IsNaN(d[2]));
        Assert.True(double.IsNaN(d[3]));
        using var shortClasses = tensor(new long[] { 0, 1 });
        Assert.Contains("one class per row", Assert.Throws<ArgumentException>(() => GeneratorEvaluation.WithinClassDiversity(f, shortClasses, 4)).Message);
    }

    [Fact]
    public void BadClassIdsAreNamed()
    {
        using var outOfRange = tensor(new long[] { 0, 5 });
        Assert.Contains("[0, 4)", Assert.Throws<ArgumentException>(() => GeneratorEvaluation.Histogram(outOfRange, 4)).Message);
        using var floats = tensor(new float[] { 0, 1 });
        Assert.Contains("int64", Assert.Throws<ArgumentException>(() => GeneratorEvaluation.Histogram(floats, 4)).Message);
        using var three = tensor(new long[] { 0, 1, 2 });
        using var two = tensor(new long[] { 0, 1 });
        Assert.Contains("same shape", Assert.Throws<ArgumentException>(() => GeneratorEvaluation.PerClassAccuracy(three, two, 4)).Message);
    }

    [Fact]
    public void FidReportPlacesTheScoreBetweenFloorAndCeiling()
    {
        var r = new FidReport(Fid: 30, Floor: 10, Ceiling: 210, SampleCount: 1000);
        Assert.Equal(0.1, r.Relative, 12);
        Assert.Equal("FID 30.00 (floor 10.00, ceiling 210.0, 1000 samples)", r.ToString());
    }
}
