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
        // A folder run writes the course site: its pages link to the index, to each other in the index's
        // order, and search each other. The description (course.json) comes from the first folder that has one.
        CourseSite? site = null;
        if (sawFolder)
        {
            var folders = options.Inputs.Where(Directory.Exists).ToList();
            CourseDescription? description = null;
            foreach (var folder in folders)
            {
                try
                {
                    description ??= CourseDescription.TryLoad(folder);
                }
                catch (FormatException e)
                {
                    Console.WriteLine($"error: {e.Message}");
                    failed++;
                }
            }
            description ??= CourseDescription.Plain(string.Join(", ", folders.Select(d => Path.GetFileName(Path.GetFullPath(d).TrimEnd('/')))));
            site = CourseSite.Plan(description, notebooks, TitleOf);
        }
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
                var child = ChildProcess.Run(options.ToChildArguments(notebook, site?.NavigationOf(notebook)), environment, capture: jobs > 1);
                return (child, clock.Elapsed);
            }
            finally
            {
                slots.Release();
            }
        })).ToList();
        var outcomes = new Dictionary<string, (bool Passed, TimeSpan Elapsed)>(StringComparer.Ordinal);
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
            outcomes[notebook] = (ok, elapsed);
        }

        if (site is not null)
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
            WriteSite(site, outcomes, options);
        }
        Console.WriteLine($"{passed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>
    /// The index (landing page), the search documents of every page, and a page for any notebook whose process
    /// wrote none (so that every index entry and previous/next link resolves).
    /// </summary>
    private static void WriteSite(CourseSite site, Dictionary<string, (bool Passed, TimeSpan Elapsed)> outcomes, RunOptions options)
    {
        var entries = new List<IndexEntry>();
        var documents = new List<SearchDocument>();
        foreach (var page in site.Pages)
        {
            var (ok, elapsed) = outcomes[page.NotebookPath];
            var executed = Path.Combine(options.OutputFolder, page.Name + ".ipynb");
            Notebook? notebook = null;
            foreach (var candidate in new[] { executed, page.NotebookPath })
            {
                try
                {
                    notebook = File.Exists(candidate) ? CourseSite.ReadExecuted(candidate) : null;
                }
                catch (Exception e) when (e is NotebookFormatException or IOException or System.Text.Json.JsonException)
                {
                    notebook = null;
                }
                if (notebook is not null) break;
            }
            var pagePath = Path.Combine(options.OutputFolder, page.Href);
            if (!File.Exists(pagePath))
                File.WriteAllText(pagePath, CourseSite.PlaceholderPage(page, site.NavigationOf(page.NotebookPath),
                    $"{page.NotebookPath} could not be run, so it has no page: see the runner's error line for it."));
            var goal = page.Entry?.Goal ?? (notebook is null ? null : CourseSite.FirstSentence(notebook));
            var result = notebook is not null && page.Entry?.Result is { } pattern ? CourseSite.ResultOf(notebook, pattern) : null;
            entries.Add(new IndexEntry(page, ok, elapsed, goal, result));
            if (notebook is not null)
            {
                documents.Add(new SearchDocument(documents.Count, page.Href, "", page.Title, "", page.Title + "\n" + (goal ?? "")));
                documents.AddRange(SearchIndex.Documents(page, notebook, documents.Count));
            }
        }
        var parameters = options.Parameters.Count == 0 ? "full mode: the parameters as committed"
            : "with " + string.Join(", ", options.Parameters.Select(p => $"{p.Key}={p.Value}"));
        File.WriteAllText(Path.Combine(options.OutputFolder, CourseSite.IndexFileName), IndexPage.Render(site.Description, entries, parameters));
        Directory.CreateDirectory(Path.Combine(options.OutputFolder, PageAssets.FolderName));
        File.WriteAllText(Path.Combine(options.OutputFolder, PageAssets.FolderName, PageAssets.SearchDataFileName), SearchIndex.Script(documents));
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
