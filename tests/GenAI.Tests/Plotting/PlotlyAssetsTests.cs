using GenAI.Plotting;

namespace GenAI.Tests.Plotting;

// Changes an environment variable, so it must not run beside other tests reading it.
[Collection(EnvironmentCollection.Name)]
public class PlotlyAssetsTests
{
    [Fact]
    public void Finds_the_npm_copy_of_plotly_in_the_repository()
    {
        string? path = PlotlyAssets.FindPlotlyJs();

        Assert.NotNull(path);
        Assert.EndsWith(Path.Combine("node_modules", "plotly.js-dist-min", "plotly.min.js"), path);
        Assert.Contains("plotly.js v", File.ReadAllText(path!)[..200]);
    }

    [Fact]
    public void GENAI_WEB_ASSETS_can_name_a_folder_holding_plotly()
    {
        string folder = Directory.CreateTempSubdirectory("genai-assets-").FullName;
        string? before = Environment.GetEnvironmentVariable("GENAI_WEB_ASSETS");
        try
        {
            string file = Path.Combine(folder, "node_modules", "plotly.js-dist-min", "plotly.min.js");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, "/* a stand-in */");
            Environment.SetEnvironmentVariable("GENAI_WEB_ASSETS", folder);

            Assert.Equal(file, PlotlyAssets.FindPlotlyJs());
            Assert.Equal("/* a stand-in */", PlotlyAssets.ReadPlotlyJs());
        }
        finally
        {
            Environment.SetEnvironmentVariable("GENAI_WEB_ASSETS", before);
            Directory.Delete(folder, recursive: true);
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public class EnvironmentCollection
{
    public const string Name = "Plotting environment variables";
}
