using System.Diagnostics;
using System.Globalization;
using GenAI.Notebooks.Documents;
using GenAI.Notebooks.Rendering;

namespace GenAI.Notebooks.Cli;

/// <summary>
/// The "run" command: expands folders into their notebooks (file name order = course order), runs each
/// notebook in a fresh process of this program (native memory such as libtorch's cannot be unloaded),
/// writes index.html for folders and ends with "N passed, M failed".
/// </summary>
public static class RunCommand
{
    public const string Name = "run";

    public static int Run(RunOptions options)
    {
        var notebooks = new List<string>();
        var sawFolder = false;
        var failed = 0;
        foreach (var input in options.Inputs)
        {
            if (Directory.Exists(input))
            {
                sawFolder = true;
                notebooks.AddRange(Directory.EnumerateFiles(input)
                    .Where(NotebookFile.IsNotebook)
                    .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal));
            }
            else if (File.Exists(input))
            {
                notebooks.Add(input);
            }
            else
            {
                Console.WriteLine($"error: {input}: no such notebook or folder.");
                failed++;
            }
        }

        Directory.CreateDirectory(options.OutputFolder);
        var indexLink = sawFolder ? "index.html" : null;
        var entries = new List<IndexEntry>();
        var passed = 0;
        var jobs = Parallelism.Jobs(options.Jobs);
        var environment = Parallelism.ChildEnvironment(jobs);
        if (jobs > 1)
            Console.Error.WriteLine($"running {Math.Min(jobs, notebooks.Count)} notebooks at a time, {environment["OMP_NUM_THREADS"]} intra-op thread(s) each (--jobs {jobs})");
        // Every notebook starts as soon as one of the jobs is free; what each printed, its PASS/FAIL line and
        // its index entry are then written in course order, as a sequential run writes them.
        using var slots = new SemaphoreSlim(jobs);
        var runs = notebooks.Select(notebook => Task.Run(() =>
        {
            slots.Wait();
            try
            {
                var clock = Stopwatch.StartNew();
                var child = ChildProcess.Run(options.ToChildArguments(notebook, indexLink), environment, capture: jobs > 1);
                return (child, clock.Elapsed);
            }
            finally
            {
                slots.Release();
            }
        })).ToList();
        for (var i = 0; i < notebooks.Count; i++)
        {
            var notebook = notebooks[i];
            var (child, elapsed) = runs[i].Result;
            child.Replay();
            var ok = child.ExitCode == 0;
            if (child.ExitCode is not (0 or 1 or 2))
                Console.WriteLine($"error: {notebook}: {child.DescribeDeath()}");
            Console.WriteLine($"{(ok ? "PASS" : "FAIL")} {notebook} ({elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s)");
            if (ok) passed++; else failed++;
            entries.Add(new IndexEntry(TitleOf(notebook), Path.GetFileNameWithoutExtension(notebook) + ".html", ok));
        }

        if (sawFolder)
        {
            try
            {
                PageAssets.CopyTo(options.OutputFolder);
            }
            catch (IOException e)
            {
                Console.WriteLine($"error: {e.Message}");
                failed++;
            }
            var title = string.Join(", ", options.Inputs.Where(Directory.Exists).Select(d => Path.GetFileName(Path.GetFullPath(d).TrimEnd('/'))));
            File.WriteAllText(Path.Combine(options.OutputFolder, "index.html"), IndexPage.Render(title, entries));
        }
        Console.WriteLine($"{passed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }

    private static string TitleOf(string path)
    {
        try
        {
            return HtmlRenderer.Title(NotebookFile.Read(path));
        }
        catch (NotebookFormatException)
        {
            return Path.GetFileNameWithoutExtension(path);
        }
    }
}
