using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static GenAI.Notebooks.Tests.RunResult;

namespace GenAI.Notebooks.Tests;

/// <summary>The runs of the passing fixtures, made once and shared by the test classes of this collection.</summary>
[CollectionDefinition(Name)]
public sealed class PassingFixtures : ICollectionFixture<OutputsRun>, ICollectionFixture<LibraryRun>
{
    public const string Name = "passing fixtures";
}

/// <summary>
/// One run of the passing fixtures (outputs.ipynb, legacy.dib, and parameters.ipynb with its defaults),
/// shared by several test classes: every notebook process costs seconds.
/// </summary>
public sealed class OutputsRun
{
    public RunResult Result { get; } = RunnerProcess.Run(
        RunnerProcess.Fixture("outputs.ipynb"), RunnerProcess.Fixture("legacy.dib"), RunnerProcess.Fixture("parameters.ipynb"));
}

/// <summary>
/// Outputs as VS Code saves them for the C# kernel (shared/POLYGLOT.md §1, §3, §4): trailing values, display,
/// console streams, updates, magics, and the kernel's formatting.
/// </summary>
[Collection(PassingFixtures.Name)]
public sealed class OutputsTests(OutputsRun run)
{
    private readonly RunResult _result = run.Result;

    private JsonObject Cell(string id) => _result.Cell("outputs", id);

    private static (string Type, string Text) Stream(JsonObject output) => ((string)output["name"]!, Text(output["text"]));

    private static Dictionary<string, string> Data(JsonObject output)
    {
        Assert.Equal("display_data", (string?)output["output_type"]);
        return output["data"]!.AsObject().ToDictionary(kv => kv.Key, kv => Text(kv.Value));
    }

    [Fact]
    public void Run_succeeds_and_counts_every_notebook()
    {
        Assert.True(_result.ExitCode == 0, _result.Output);
        Assert.EndsWith("3 passed, 0 failed", _result.Output.TrimEnd());
    }

    [Fact]
    public void Trailing_expression_is_saved_as_display_data_after_console_text()
    {
        var cell = Cell("trailing");
        Assert.Equal(1, (int?)cell["execution_count"]);
        var outputs = Outputs(cell);
        Assert.Equal(2, outputs.Length);
        Assert.Equal(("stdout", "sum computed\n"), Stream(outputs[0]));
        var html = Data(outputs[1]);
        Assert.Equal(["text/html"], html.Keys);
        // 1+2+3 = 6, times 7: the kernel's HTML for a number is a dni-plaintext div plus its style block.
        Assert.StartsWith("<div class=\"dni-plaintext\"><pre>42</pre></div><style>", html["text/html"]);
    }

    [Fact]
    public void Declaration_without_trailing_expression_has_no_output()
    {
        Assert.Empty(Outputs(Cell("no-value")));
    }

    [Fact]
    public void String_value_is_plain_text_only()
    {
        var data = Data(Outputs(Cell("strings")).Single());
        Assert.Equal(new Dictionary<string, string> { ["text/plain"] = "hi <b>" }, data);
    }

    [Fact]
    public void Display_console_and_update_keep_their_order_and_the_updated_value()
    {
        var outputs = Outputs(Cell("display"));
        Assert.Equal(9, outputs.Length);
        Assert.Equal(("stdout", "before "), Stream(outputs[0]));
        Assert.Equal("<b>bold</b>", Data(outputs[1])["text/html"]);
        Assert.Equal(("stdout", "after"), Stream(outputs[2]));
        Assert.Equal(("stderr", "warn\n"), Stream(outputs[3]));
        // display("first"), Update("second"), Update("third"): this kernel build gives the first update a new
        // value id, so VS Code shows the first display and, replaced in place by every later update, the last one.
        Assert.Equal(new Dictionary<string, string> { ["text/plain"] = "first" }, Data(outputs[4]));
        Assert.Equal(new Dictionary<string, string> { ["text/plain"] = "third" }, Data(outputs[5]));
        Assert.Equal(new Dictionary<string, string> { ["text/markdown"] = "text" }, Data(outputs[6]));
        var anonymous = Data(outputs[7]);
        Assert.Equal(["text/plain"], anonymous.Keys);
        Assert.Contains("X: 1", anonymous["text/plain"]);
        Assert.Contains("<pre>&lt;null&gt;</pre>", Data(outputs[8])["text/html"]);
    }

    [Fact]
    public void Who_magic_lists_the_variables_declared_so_far()
    {
        var listing = Data(Outputs(Cell("magics")).Single())["text/html"];
        var names = Regex.Match(listing, @"<pre>\[(.*?)\]</pre>", RegexOptions.Singleline).Groups[1].Value
            .Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
        // Declared by the cells before it (xs, y, shown) and by its own code before the magic (z).
        Assert.Superset(new HashSet<string> { "xs", "y", "shown", "z" }, names.ToHashSet());
    }

    [Fact]
    public void Csharp_kernel_selector_routes_the_cell_to_csharp()
    {
        Assert.Equal("back in C#", Data(Outputs(Cell("kernels")).Single())["text/plain"]);
    }

    [Fact]
    public void Collections_and_records_use_the_kernel_formatters()
    {
        Assert.StartsWith("<div class=\"dni-plaintext\"><pre>[ 1, 2, 3 ]</pre></div>", Data(Outputs(Cell("collections")).Single())["text/html"]);
        var record = Data(Outputs(Cell("record")).Single())["text/html"];
        Assert.StartsWith("<details open=\"open\" class=\"dni-treeview\"><summary><span class=\"dni-code-hint\"><code>Pt { X = 1, Name = a }</code>", record);
        Assert.Contains("<tr><td>X</td><td><div class=\"dni-plaintext\"><pre>1</pre></div></td></tr>", record);
    }

    [Fact]
    public void Formatter_register_in_a_cell_applies_to_its_values()
    {
        Assert.Equal(new Dictionary<string, string> { ["text/html"] = "<b>5 EUR</b>" }, Data(Outputs(Cell("register")).Single()));
    }

    [Fact]
    public void Import_magic_and_load_directive_run_a_script_relative_to_the_notebook()
    {
        Assert.Equal("42", Data(Outputs(Cell("import")).Single())["text/plain"]);
        Assert.Equal("10", Data(Outputs(Cell("load")).Single())["text/plain"]);
    }

    [Fact]
    public void Nuget_reference_is_restored_by_the_kernel_and_its_progress_kept_in_its_final_state()
    {
        var outputs = Outputs(Cell("nuget"));
        Assert.Equal(2, outputs.Length);
        // "Installing Packages" is one display updated in place; the saved notebook has its last state only.
        var installed = Data(outputs[0])["text/html"];
        Assert.Matches(@"<strong>Installed Packages</strong><ul><li><span>xunit\.assert, \d+\.\d+\.\d+</span></li></ul>", installed);
        Assert.DoesNotContain("Installing", installed.Replace("Installed", ""));
        Assert.Equal("xunit.assert", Data(outputs[1])["text/plain"]);
    }

    [Fact]
    public void Value_kernel_stores_text_that_share_brings_into_csharp()
    {
        // The value kernel shows what it stored.
        Assert.Equal(new Dictionary<string, string> { ["text/plain"] = "hello from the value kernel" }, Data(Outputs(Cell("value-store")).Single()));
        Assert.Equal(new Dictionary<string, string> { ["text/plain"] = "HELLO FROM THE VALUE KERNEL" }, Data(Outputs(Cell("share")).Single()));
    }

    [Fact]
    public void Saved_notebook_is_nbformat_4_5_with_an_id_on_every_cell_and_kernel_metadata()
    {
        var notebook = _result.Notebook("outputs");
        Assert.Equal(4, (int?)notebook["nbformat"]);
        Assert.Equal(5, (int?)notebook["nbformat_minor"]);
        Assert.Equal(".net-csharp", (string?)notebook["metadata"]!["kernelspec"]!["name"]);
        var cells = notebook["cells"]!.AsArray().Select(c => c!.AsObject()).ToArray();
        var ids = cells.Select(c => (string?)c["id"]).ToArray();
        Assert.All(ids, id => Assert.Matches("^[a-zA-Z0-9_-]{1,64}$", id));
        Assert.Equal(ids.Length, ids.Distinct().Count());
        // Markdown cells carry no outputs or execution count; code cells always have both keys.
        Assert.All(cells.Where(c => (string?)c["cell_type"] == "markdown"), c => Assert.False(c.ContainsKey("outputs")));
        Assert.All(cells.Where(c => (string?)c["cell_type"] == "code"), c => Assert.True(c.ContainsKey("outputs") && c.ContainsKey("execution_count")));
        // Written the way VS Code writes: one-space indentation, keys in order.
        var text = File.ReadAllText(Path.Combine(_result.OutputFolder, "outputs.ipynb"));
        Assert.StartsWith("{\n \"cells\": [\n  {\n   \"cell_type\": \"markdown\",\n   \"id\":", text);
    }

    [Fact]
    public void Dib_notebook_runs_with_its_selectors_and_is_saved_as_ipynb()
    {
        var cells = _result.Notebook("legacy")["cells"]!.AsArray().Select(c => c!.AsObject()).ToArray();
        Assert.Equal(["markdown", "code", "code", "markdown"], cells.Select(c => (string)c["cell_type"]!));
        Assert.StartsWith("<div class=\"dni-plaintext\"><pre>2</pre></div>", Data(Outputs(cells[1])[0])["text/html"]);
        Assert.Equal(("stdout", "alpha beta gamma\n"), Stream(Outputs(cells[2]).Single()));
    }

    [Fact]
    public void Html_page_renders_markdown_code_and_outputs_with_local_assets_only()
    {
        var html = _result.Html("outputs");
        Assert.Contains("<title>Output kinds</title>", html);
        Assert.Contains("<h1 id=\"output-kinds\">Output kinds</h1>", html);
        Assert.Contains("<span class=\"math\">\\(a^2 + b^2\\)</span>", html);
        // $$..$$ inside a paragraph is a display formula, as in VS Code.
        Assert.Contains("<span class=\"math\">\\[\\sum_{i=1}^n i\\]</span>", html);
        Assert.Contains("<code class=\"language-csharp\">var xs = new[] { 1, 2, 3 };", html);
        Assert.Contains("<div class=\"output-html\"><b>bold</b></div>", html);
        Assert.Contains("<pre class=\"stderr\">warn\n</pre>", html);
        // Offline: every script and style sheet comes from the assets folder next to the page.
        Assert.DoesNotMatch(new Regex("(src|href)=\"https?:"), html);
        foreach (var asset in new[] { "plotly.min.js", "katex/katex.min.js", "katex/katex.min.css", "katex/fonts/KaTeX_Main-Regular.woff2",
                     "highlight/highlight.min.js", "notebook-page.js", "notebook-page.css" })
            Assert.True(File.Exists(Path.Combine(_result.OutputFolder, "assets", asset)), asset);
    }

    [Fact]
    public void Without_params_the_defaults_of_the_parameters_cell_apply()
    {
        // parameters.ipynb is part of the shared run, with no --param.
        var result = _result;
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("False 10 0.5 full 42 1000", Text(Outputs(result.Cell("parameters", "use")).Single()["data"]!["text/plain"]));
        Assert.DoesNotContain("injected-parameters", File.ReadAllText(Path.Combine(result.OutputFolder, "parameters.ipynb")));
    }
}
