using GenAI.Notebooks.Documents;
using GenAI.Notebooks.Execution;
using GenAI.Notebooks.Parameters;
using GenAI.Notebooks.Rendering;

namespace GenAI.Notebooks.Cli;

/// <summary>
/// Executes one notebook in this process and writes DIR/name.ipynb and DIR/name.html.
/// Exit code: 0 all cells succeeded, 1 a cell failed, 2 the notebook could not be run at all.
/// </summary>
public static class RunOneCommand
{
    public const string Name = "run-one";

    public static int Run(RunOptions options)
    {
        if (options.Inputs.Count != 1)
            throw new UsageException($"{Name} takes exactly one notebook.");
        var path = Path.GetFullPath(options.Inputs[0]);
        var output = Path.GetFullPath(options.OutputFolder);
        var displayPath = options.Inputs[0];

        Notebook notebook;
        try
        {
            notebook = Read(path, displayPath);
            ParameterInjector.Inject(notebook, options.Parameters);
        }
        catch (Exception e) when (e is NotebookFormatException or ParameterException or IOException)
        {
            Console.Out.WriteLine($"error: {e.Message}");
            return 2;
        }

        var failure = new NotebookExecutor(notebook, options.CellTimeout).Run();
        if (failure is not null)
            Console.Out.WriteLine($"error: {failure.Describe(displayPath)}");

        Directory.CreateDirectory(output);
        IpynbWriter.Write(notebook, Path.Combine(output, notebook.Name + ".ipynb"));
        try
        {
            PageAssets.CopyTo(output);
            var summary = failure?.Describe(displayPath);
            File.WriteAllText(Path.Combine(output, notebook.Name + ".html"), HtmlRenderer.Render(notebook, summary, options.IndexLink));
        }
        catch (IOException e)
        {
            Console.Out.WriteLine($"error: {displayPath}: the HTML page could not be written: {e.Message}");
            return 2;
        }
        Console.Out.Flush();
        if (failure?.Kind == FailureKind.Timeout)
        {
            // The stopped cell may still be running on another thread; ending the process is what stops it.
            Environment.Exit(1);
        }
        return failure is null ? 0 : 1;
    }

    private static Notebook Read(string path, string displayPath)
    {
        if (!File.Exists(path))
            throw new NotebookFormatException($"{displayPath}: file not found.");
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".ipynb" => IpynbReader.Read(path),
            ".dib" => DibReader.Read(path),
            var other => throw new NotebookFormatException($"{displayPath}: '{other}' is not a notebook (expected .ipynb or .dib)."),
        };
    }
}
