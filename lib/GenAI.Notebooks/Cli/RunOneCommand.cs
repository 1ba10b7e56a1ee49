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
            notebook = NotebookFile.Read(path, displayPath);
            ParameterInjector.Inject(notebook, options.Parameters);
            if (options.Solutions)
            {
                SolutionInjector.Inject(notebook);
                // The kernel runs in this process: the course's checkers read this and fail a rejected solution.
                Environment.SetEnvironmentVariable(SolutionInjector.SolutionsVariable, "1");
            }
        }
        catch (Exception e) when (e is NotebookFormatException or ParameterException or IOException)
        {
            Console.Out.WriteLine($"error: {e.Message}");
            return 2;
        }

        // The kernel redirects Console while cells run (and a cell stopped by the timeout may still be running):
        // the report and the crash markers go to the process's own stdout and stderr.
        var report = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
        var markers = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true };
        var failure = new NotebookExecutor(notebook, options.CellTimeout,
                (number, cell) => markers.WriteLine(CellMarker.Format(number, cell.Id)))
            .RunAsync().GetAwaiter().GetResult();
        if (failure is not null)
            report.WriteLine($"error: {failure.Describe(displayPath)}");

        Directory.CreateDirectory(output);
        IpynbWriter.Write(notebook, Path.Combine(output, notebook.Name + ".ipynb"));
        try
        {
            PageAssets.CopyTo(output);
            var summary = failure?.Describe(displayPath);
            var site = options.IndexLink is { } index ? new SiteNavigation(index, options.Previous, options.Next) : null;
            File.WriteAllText(Path.Combine(output, notebook.Name + ".html"), HtmlRenderer.Render(notebook, summary, site));
        }
        catch (IOException e)
        {
            report.WriteLine($"error: {displayPath}: the HTML page could not be written: {e.Message}");
            return 2;
        }
        Console.Out.Flush();
        // A cell stopped by the timeout may still be running, and notebook code may have started threads
        // that never end: ending the process is what stops them.
        Environment.Exit(failure is null ? 0 : 1);
        return failure is null ? 0 : 1;
    }
}
