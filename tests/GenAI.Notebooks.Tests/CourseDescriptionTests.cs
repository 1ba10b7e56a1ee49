using GenAI.Notebooks.Rendering;

namespace GenAI.Notebooks.Tests;

/// <summary>The course description (course.json): what it accepts, how it names a notebook, the errors it gives.</summary>
public sealed class CourseDescriptionTests
{
    private static string Write(string json)
    {
        var folder = Path.Combine(Path.GetTempPath(), "genai-course-description", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, CourseDescription.FileName), json);
        return folder;
    }

    [Fact]
    public void The_repository_course_description_names_real_notebooks_and_reads()
    {
        var folder = Path.Combine(RunnerProcess.RepositoryRoot, "notebooks");
        var course = CourseDescription.TryLoad(folder)!;
        Assert.NotEmpty(course.Outcomes);
        Assert.All(course.Parts, part => Assert.NotEmpty(part.Notebooks));
        // Every notebook of the folder is either named (by its whole name or its number) or goes to the last part.
        var named = Directory.GetFiles(folder, "*.ipynb").Select(Path.GetFileNameWithoutExtension).Count(n => course.Find(n!) is not null);
        Assert.True(named >= 17, $"only {named} notebooks are named by notebooks/course.json");
    }

    [Fact]
    public void A_notebook_is_found_by_its_whole_name_or_its_number()
    {
        var course = CourseDescription.Load(Path.Combine(Write("""
            { "title": "T", "parts": [ { "title": "P", "notebooks": [
              { "notebook": "10", "goal": "by number" }, { "notebook": "11-exact", "goal": "by name" } ] } ] }
            """), CourseDescription.FileName));
        Assert.Equal("by number", course.Find("10-gpt-from-scratch")!.Value.Entry.Goal);
        Assert.Equal("by name", course.Find("11-exact")!.Value.Entry.Goal);
        Assert.Null(course.Find("110-other"));
        Assert.Null(course.Find("12-new"));
    }

    [Theory]
    [InlineData("""{ "parts": [] }""", "the field \"title\" is missing")]
    [InlineData("""{ "title": "T", "parts": [ { "title": "P", "notebooks": [ { "notebook": "01" } ] } ] }""", "parts[0].notebooks[0]: the field \"goal\" is missing")]
    [InlineData("""{ "title": "T", "parts": [ { "title": "P", "notebooks": [ { "notebook": "01", "goal": "g", "result": "(" } ] } ] }""", "parts[0].notebooks[0]: \"result\" is not a valid regular expression")]
    [InlineData("""{ "title": "T", "parts": [ { "title": "P", "notebooks": [ { "notebook": "01", "goal": "g" }, { "notebook": "01", "goal": "h" } ] } ] }""", "the notebook \"01\" is listed twice")]
    [InlineData("""{ "title": 3 }""", "\"title\" must be a string")]
    [InlineData("""{ "title": "T", """, "not valid JSON")]
    public void A_malformed_description_is_an_error_naming_the_file_and_the_field(string json, string expected)
    {
        var path = Path.Combine(Write(json), CourseDescription.FileName);
        var error = Assert.Throws<FormatException>(() => CourseDescription.Load(path));
        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Plain_text_takes_the_markdown_marks_off()
    {
        Assert.Equal("A bold and code link with x gone", CourseSite.PlainText("A **bold** and `code` [link](http://x) with $x$ gone"));
        Assert.Equal("Title", CourseSite.PlainText("## Title"));
    }
}
