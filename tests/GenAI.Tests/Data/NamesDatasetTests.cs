using System.Text.RegularExpressions;
using GenAI.Data;

namespace GenAI.Tests.Data;

public class NamesDatasetTests
{
    [Fact]
    public void Loads_tens_of_thousands_of_distinct_lower_case_names_in_file_order()
    {
        var names = NamesDataset.Load();
        var lines = File.ReadAllLines(BundledFiles.Names.PathIn());
        Assert.Equal(29_669, names.Count);
        Assert.Equal(lines, names);
        Assert.All(names, name => Assert.Matches(new Regex("^[a-z]+$"), name));
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public void Limit_takes_the_most_frequent_names_first()
    {
        var top = NamesDataset.Load(limit: 5);
        Assert.Equal(File.ReadLines(BundledFiles.Names.PathIn()).Take(5), top);
    }

    [Fact]
    public void Splits_are_deterministic_disjoint_and_cover_every_name()
    {
        var a = NamesDataset.LoadSplits(seed: 1);
        var b = NamesDataset.LoadSplits(seed: 1);
        Assert.Equal(a.Train, b.Train);
        Assert.Equal(a.Validation, b.Validation);
        Assert.Equal(a.Test, b.Test);
        Assert.Equal((23_735, 2_967, 2_967), (a.Train.Count, a.Validation.Count, a.Test.Count));
        var train = a.Train.ToHashSet();
        Assert.DoesNotContain(a.Validation, train.Contains);
        Assert.DoesNotContain(a.Test, train.Contains);
        Assert.Empty(a.Validation.Intersect(a.Test));
        Assert.Equal(NamesDataset.Load().Order(StringComparer.Ordinal), a.Train.Concat(a.Validation).Concat(a.Test).Order(StringComparer.Ordinal));
        Assert.NotEqual(a.Train, NamesDataset.LoadSplits(seed: 2).Train);
    }
}
