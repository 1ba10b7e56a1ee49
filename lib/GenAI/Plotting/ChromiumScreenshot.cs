using System.Diagnostics;

namespace GenAI.Plotting;

/// <summary>
/// Takes a screenshot of an HTML page with the system's headless Chromium. The flags keep Chromium from
/// reaching for the network (updates, sync, QUIC), which matters on machines with a closed network.
/// </summary>
internal static class ChromiumScreenshot
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    internal static void Capture(string html, string pngPath, int width, int height)
    {
        string chromium = FindChromium();
        string work = Path.Combine(Path.GetTempPath(), "genai-png-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            string page = Path.Combine(work, "figure.html");
            File.WriteAllText(page, html);
            string output = Path.GetFullPath(pngPath);
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            File.Delete(output);

            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--force-device-scale-factor=1",
                $"--user-data-dir={Path.Combine(work, "profile")}",
                $"--window-size={width},{height}",
                // Lets the page's scripts (plotly's drawing) finish before the picture is taken.
                "--virtual-time-budget=10000",
                $"--screenshot={output}",
                new Uri(page).AbsoluteUri,
            })
                start.ArgumentList.Add(arg);

            using var process = Process.Start(start)
                ?? throw new InvalidOperationException($"SavePng: could not start {chromium}.");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"SavePng: {chromium} did not finish within {Timeout.TotalSeconds} s.");
            }
            if (process.ExitCode != 0 || !File.Exists(output))
                throw new InvalidOperationException(
                    $"SavePng: {chromium} exited with code {process.ExitCode} and wrote no {output}. Its output:\n{Tail(stdout.Result + stderr.Result)}");
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { /* a profile file still held: leave it to the OS */ }
        }
    }

    /// <summary>GENAI_CHROMIUM if set, else the usual executable names on PATH.</summary>
    internal static string FindChromium()
    {
        string? configured = Environment.GetEnvironmentVariable("GENAI_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(configured))
            return File.Exists(configured)
                ? configured
                : throw new FileNotFoundException($"SavePng: GENAI_CHROMIUM points to {configured}, which does not exist.");
        var names = new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" };
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .SelectMany(dir => names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
        return path ?? throw new FileNotFoundException(
            "SavePng needs Chromium: install it (apt-get install chromium, as scripts/setup.sh does) or set GENAI_CHROMIUM to its path.");
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];
}
