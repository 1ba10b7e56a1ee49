using Microsoft.Playwright;

namespace GenAI.Tests.Browser;

/// <summary>
/// One Debian chromium (never a browser Playwright downloads) started by Playwright with the flags a closed
/// network needs, shared by the browser tests of one collection: starting it is the slow part.
/// Playwright gives each launch a fresh temporary profile itself (it refuses a --user-data-dir argument).
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ClosedNetworkFlags =
    {
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    };

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: run scripts/setup.sh (apt-get install chromium).");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ClosedNetworkFlags,
        });
    }

    /// <summary>A page in a fresh browser context (own cache and storage) that may only load local files.</summary>
    public Task<ChromiumPage> NewPageAsync(int width = 1200, int height = 900) =>
        ChromiumPage.OpenAsync(_browser ?? throw new InvalidOperationException("the browser is not started"), width, height);

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ChromiumBrowser>
{
    public const string Name = "Chromium";
}

/// <summary>A page that collects every page error and console error for the tests to assert on.</summary>
public sealed class ChromiumPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private ChromiumPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.PageError += (_, error) => Errors.Add("page error: " + error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error") Errors.Add("console error: " + message.Text);
        };
    }

    public IPage Page { get; }

    /// <summary>Uncaught exceptions and console errors seen so far.</summary>
    public List<string> Errors { get; } = new();

    /// <summary>Requests that tried to leave the machine (all are refused: the pages must work offline).</summary>
    public List<string> BlockedRequests { get; } = new();

    internal static async Task<ChromiumPage> OpenAsync(IBrowser browser, int width, int height)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        // Loading 3.6 MB of plotly.js on a busy 2-core CI machine can pass Playwright's 30 s default.
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        var page = await context.NewPageAsync();
        var session = new ChromiumPage(context, page);
        // Anything but local files is refused, so a chart that only works with the CDN fails the test.
        // Local files are not routed at all: passing megabytes of plotly.js through Playwright is slow.
        await page.RouteAsync(url => !url.StartsWith("file:", StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal),
            async route =>
            {
                session.BlockedRequests.Add(route.Request.Url);
                await route.AbortAsync();
            });
        return session;
    }

    /// <summary>
    /// Waits until every chart div of our figures holds Plotly's SVG (or the timeout passes) and returns,
    /// per figure, whether it rendered.
    /// </summary>
    public async Task<bool[]> WaitForFiguresAsync(int expected, int timeoutMs = 60000)
    {
        try
        {
            await Page.WaitForFunctionAsync(
                "n => { const f = document.querySelectorAll('.genai-figure'); " +
                "return f.length >= n && [...f].every(d => d.querySelector('.main-svg')); }",
                expected, new() { Timeout = timeoutMs, PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            // Fall through: the per-figure answer below says which ones did not render.
        }
        return await Page.EvaluateAsync<bool[]>(
            "() => [...document.querySelectorAll('.genai-figure')].map(d => d.querySelector('.main-svg') !== null)");
    }

    /// <summary>A folder under the test output for screenshots a person can look at.</summary>
    public static string ScreenshotPath(string name)
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    /// <summary>Requests for plotly.js from the CDN that were answered with the local npm copy.</summary>
    public List<string> CdnRequests { get; } = new();

    /// <summary>
    /// Answers requests for the CDN's plotly.js with the local copy, so the loading paths meant for VS Code
    /// (require.js, or a script tag) can be exercised offline. Everything else stays blocked.
    /// </summary>
    public async Task ServePlotlyCdnLocallyAsync()
    {
        string plotly = await File.ReadAllTextAsync(GenAI.Plotting.PlotlyAssets.FindPlotlyJs()
            ?? throw new FileNotFoundException("plotly.min.js is missing: run scripts/setup.sh"));
        // Routes added later take precedence over the catch-all one that blocks the network.
        await Page.RouteAsync(GenAI.Plotting.PlotlyAssets.CdnUrlWithoutExtension + ".js", async route =>
        {
            CdnRequests.Add(route.Request.Url);
            await route.FulfillAsync(new() { Status = 200, ContentType = "application/javascript", Body = plotly });
        });
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
