using System.Text.Json.Nodes;

namespace GenAI.Plotting;

public sealed partial class Figure
{
    /// <summary>
    /// The HTML a notebook shows for this figure: a div with a unique id and a script that draws into it,
    /// using a global Plotly when the page has one and loading plotly.js from the CDN otherwise.
    /// </summary>
    public string ToHtml() => PlotlyHtml.Fragment(this);

    /// <summary>
    /// Writes a standalone page. With <paramref name="offline"/> (the default) plotly.js is embedded,
    /// so the file opens without a network; otherwise the page loads plotly.js from the CDN.
    /// </summary>
    public void SaveHtml(string path, bool offline = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string title = _layout["title"]?["text"]?.GetValue<string>() ?? "Figure";
        string html = PlotlyHtml.Page(new[] { this }, title, offline);
        WriteCreatingFolder(path, html);
    }

    /// <summary>
    /// Renders the figure to a PNG of exactly <paramref name="width"/> x <paramref name="height"/> pixels with
    /// headless Chromium (no network needed), e.g. for README images. Animated figures show their first frame.
    /// </summary>
    public void SavePng(string path, int width = 800, int height = 500)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (width <= 0 || height <= 0 || width > 8000 || height > 8000)
            throw new ArgumentException($"SavePng: width and height must be between 1 and 8000 pixels, got {width}x{height}.");
        var still = WithSize(width, height).WithStaticPlot();
        // Sliders and play buttons mean nothing in a picture; the first frame is what the data already shows.
        still._frames.Clear();
        still._layout.Remove("sliders");
        still._layout.Remove("updatemenus");
        ChromiumScreenshot.Capture(PlotlyHtml.Page(new[] { still }, "Figure", inlinePlotly: true), path, width, height);
    }

    internal static void WriteCreatingFolder(string path, string text)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        File.WriteAllText(path, text);
    }
}
