using GenAI.Plotting;

namespace GenAI.Tests.Plotting;

[Collection(EnvironmentCollection.Name)]
public class ChromiumLookupTests
{
    [Fact]
    public void A_GENAI_CHROMIUM_that_does_not_exist_is_named_in_the_error()
    {
        string? before = Environment.GetEnvironmentVariable("GENAI_CHROMIUM");
        try
        {
            Environment.SetEnvironmentVariable("GENAI_CHROMIUM", "/nowhere/chromium");
            var e = Assert.Throws<FileNotFoundException>(() => Chart.Line(new[] { 1.0, 2 }).SavePng(Path.Combine(Path.GetTempPath(), "x.png")));
            Assert.Equal("SavePng: GENAI_CHROMIUM points to /nowhere/chromium, which does not exist.", e.Message);
        }
        finally { Environment.SetEnvironmentVariable("GENAI_CHROMIUM", before); }
    }
}
