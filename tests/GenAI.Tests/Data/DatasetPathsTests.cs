using GenAI.Data;

namespace GenAI.Tests.Data;

[Collection(EnvironmentVariableCollection.Name)]
public class DatasetPathsTests
{
    [Fact]
    public void Finds_the_repository_datasets_folder_from_the_test_binaries()
    {
        string root = DatasetPaths.Root();
        Assert.Equal("datasets", System.IO.Path.GetFileName(root));
        Assert.True(File.Exists(System.IO.Path.Combine(root, "names.txt")));
    }

    [Fact]
    public void Search_walks_up_from_any_folder_inside_the_repository()
    {
        string root = DatasetPaths.Root();
        string deep = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(root)!, "lib", "GenAI");
        Assert.Equal(root, DatasetPaths.SearchUpwards(deep));
        using var outside = new DataTestFolder();
        Assert.Null(DatasetPaths.SearchUpwards(outside.Path));
    }

    [Fact]
    public void Environment_variable_overrides_the_search()
    {
        using var folder = new DataTestFolder();
        File.Copy(BundledFiles.Names.PathIn(), folder.File("names.txt"));
        File.AppendAllText(folder.File("names.txt"), "zzz\n");
        var before = Environment.GetEnvironmentVariable(DatasetPaths.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(DatasetPaths.EnvironmentVariable, folder.Path);
            Assert.Equal(folder.Path, DatasetPaths.Root());
            // The loaders follow it: here they find the altered copy and refuse it.
            var error = Assert.Throws<ChecksumMismatchException>(() => NamesDataset.Load());
            Assert.Equal(folder.File("names.txt"), error.FilePath);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DatasetPaths.EnvironmentVariable, before);
        }
    }

    [Fact]
    public void Environment_variable_naming_a_missing_folder_is_an_error_naming_both()
    {
        var before = Environment.GetEnvironmentVariable(DatasetPaths.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(DatasetPaths.EnvironmentVariable, "/no/such/folder");
            var error = Assert.Throws<DirectoryNotFoundException>(() => DatasetPaths.Root());
            Assert.Contains("GENAI_DATASETS", error.Message);
            Assert.Contains("/no/such/folder", error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DatasetPaths.EnvironmentVariable, before);
        }
    }
}
