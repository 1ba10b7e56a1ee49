using System.Text.Json;
using System.Text.RegularExpressions;
using GenAI.Notebooks.Rendering;
using Microsoft.Playwright;

namespace GenAI.Notebooks.Tests;

/// <summary>
/// One run of the fixture course (Fixtures/course: two notebooks named by its course.json, one it does not
/// name) and one Debian chromium, started by Playwright with the network closed, shared by the site's tests.
/// </summary>
public sealed class CourseSiteRun : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public RunResult Result { get; } = RunnerProcess.Run(RunnerProcess.Fixture("course"));

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The pages of the site in the index's order.</summary>
    public static readonly string[] Pages = ["01-alpha.html", "02-beta.html", "03-gamma.html"];

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: run scripts/setup.sh (apt-get install chromium).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public string PathOf(string page) => Path.Combine(Result.OutputFolder, page);

    /// <summary>A page opened from file:// in a fresh context; anything but local files is refused; errors collected.</summary>
    public async Task<(IPage Page, List<string> Errors)> OpenAsync(string page, int width = 1200, string query = "")
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        var tab = await context.NewPageAsync();
        var errors = new List<string>();
        tab.PageError += (_, error) => errors.Add("page error: " + error);
        tab.Console += (_, message) => { if (message.Type == "error") errors.Add("console error: " + message.Text); };
        await tab.RouteAsync(url => !url.StartsWith("file:", StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal),
            async route => { errors.Add("network request: " + route.Request.Url); await route.AbortAsync(); });
        await tab.GotoAsync(new Uri(PathOf(page)).AbsoluteUri + query);
        await tab.WaitForLoadStateAsync(LoadState.Load);
        return (tab, errors);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }
}

/// <summary>The course site a folder run writes (issue 25, item 3), checked on the fixture course in Chromium.</summary>
public sealed class CourseSiteTests(CourseSiteRun site) : IClassFixture<CourseSiteRun>
{
    private string Index => File.ReadAllText(site.PathOf("index.html"));

    [Fact]
    public void Fixture_course_runs_and_every_notebook_gets_a_page()
    {
        Assert.True(site.Result.ExitCode == 0, site.Result.Output);
        Assert.All(CourseSiteRun.Pages.Append("index.html").Append("assets/search-data.js").Append("assets/minisearch.min.js"),
            page => Assert.True(File.Exists(site.PathOf(page)), page));
    }

    [Fact]
    public void Index_is_the_landing_page_with_parts_goals_results_and_run_times()
    {
        var index = Index;
        Assert.Contains("<h1>Fixture course</h1>", index);
        Assert.Contains("<li>search every page offline</li>", index);
        // Parts in the description's order, the notebook the description does not name in a last part.
        var parts = new[] { "<h2>Part A &#183; Basics</h2>", "<h2>Part B &#183; More</h2>", $"<h2>{CourseDescription.OtherPartTitle}</h2>" }
            .Select(h => index.IndexOf(h, StringComparison.Ordinal)).ToArray();
        Assert.All(parts, p => Assert.True(p > 0));
        Assert.Equal(parts.Order(), parts);
        var rows = Regex.Matches(index, "<tr><td class=\"notebook\">.*?</tr>").Select(m => m.Value).ToArray();
        Assert.Equal(3, rows.Length);
        // Goal line from course.json, this run's result found by its pattern, the quoted headline, the run time.
        Assert.Contains("href=\"01-alpha.html\"", rows[0]);
        Assert.Contains("<td class=\"goal\">Scroll a long line of code.</td>", rows[0]);
        Assert.Contains("<span class=\"this-run\">accuracy: 97.5 % <em>(this run)</em></span>", rows[0]);
        Assert.Contains("fixture accuracy 97.5 % (quoted)", rows[0]);
        Assert.Matches("<td class=\"run-time\">\\d+\\.\\d s</td>", rows[0]);
        Assert.Contains("<span class=\"this-run\">55 <em>(this run)</em>", rows[1]);
        // Not in course.json: its first sentence is the goal line.
        Assert.Contains("href=\"03-gamma.html\"", rows[2]);
        Assert.Contains("<td class=\"goal\">A notebook the course description does not name: it still gets a page and an index entry.</td>", rows[2]);
        foreach (var row in rows)
            Assert.True(row.Contains("<span class=\"passed\">passed</span>"), $"not passed: {row}\nrunner output:\n{site.Result.Output}");
    }

    [Fact]
    public async Task Every_link_of_every_page_resolves_and_previous_next_follow_the_index()
    {
        foreach (var name in CourseSiteRun.Pages.Prepend("index.html"))
        {
            var (page, errors) = await site.OpenAsync(name);
            var links = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]')].map(a => a.href)");
            Assert.NotEmpty(links);
            foreach (var link in links)
            {
                var uri = new Uri(link);
                Assert.True(uri.IsFile, $"{name}: {link} leaves the site");
                Assert.True(File.Exists(uri.LocalPath), $"{name}: {link} points to a missing file");
                if (uri.Fragment.Length > 1)
                    Assert.Contains($"id=\"{Uri.UnescapeDataString(uri.Fragment[1..])}\"", File.ReadAllText(uri.LocalPath));
            }
            if (name != "index.html")
            {
                var i = Array.IndexOf(CourseSiteRun.Pages, name);
                async Task<string[]> Hrefs(string selector) =>
                    await page.EvaluateAsync<string[]>($"() => [...document.querySelectorAll('{selector}')].map(a => a.getAttribute('href'))");
                Assert.Equal(["index.html", "index.html"], await Hrefs("a.site-home"));
                Assert.Equal(i > 0 ? [CourseSiteRun.Pages[i - 1], CourseSiteRun.Pages[i - 1]] : [], await Hrefs("a.site-prev"));
                Assert.Equal(i < CourseSiteRun.Pages.Length - 1 ? [CourseSiteRun.Pages[i + 1], CourseSiteRun.Pages[i + 1]] : [], await Hrefs("a.site-next"));
            }
            Assert.Empty(errors);
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData("index.html", "quaternion", "01-alpha.html", "cell-title")]  // a word of a markdown cell
    [InlineData("02-beta.html", "zebrafish", "03-gamma.html", "cell-hello")] // printed by a cell, found from another page
    [InlineData("03-gamma.html", "Enumerable.Range", "02-beta.html", "cell-sum")] // code
    public async Task Search_finds_a_term_from_a_given_notebook(string from, string term, string expectedPage, string expectedAnchor)
    {
        var (page, errors) = await site.OpenAsync(from);
        var input = page.Locator("header .site-search-input");
        await input.FillAsync(term);
        var first = page.Locator("header .site-search-results li a").First;
        await first.WaitForAsync();
        Assert.Equal($"{expectedPage}#{expectedAnchor}", await first.GetAttributeAsync("href"));
        Assert.Contains(term.ToLowerInvariant(), (await page.Locator("header .site-search-results li").First.InnerTextAsync()).ToLowerInvariant());
        // Only the notebook that holds the term is found.
        var pages = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('header .site-search-results li a')].map(a => a.getAttribute('href').split('#')[0])");
        Assert.All(pages, p => Assert.Equal(expectedPage, p));
        await first.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains(expectedPage, StringComparison.Ordinal));
        Assert.Equal(1, await page.Locator($"#{expectedAnchor}").CountAsync());
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Search_of_a_shared_address_and_of_a_missing_word()
    {
        var (page, errors) = await site.OpenAsync("index.html", query: "?q=quaternion");
        await page.Locator("header .site-search-results li a").First.WaitForAsync();
        Assert.Equal(1, await page.Locator("header .site-search-results li a").CountAsync());
        await page.Locator("header .site-search-input").FillAsync("xylophonic");
        await page.Locator("header .site-search-results li.no-results").WaitForAsync();
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// For every code cell: the end of its longest line can be reached, either because the cell is wide enough
    /// or because the cell scrolls; scrolled to its end, the last character is inside the cell's box.
    /// </summary>
    private const string CodeCellsCut = """
        () => [...document.querySelectorAll('pre.source')].flatMap((pre, i) => {
          const problems = [];
          const style = getComputedStyle(pre);
          const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
          if (pre.scrollWidth > pre.clientWidth + 1 && !scrolls) problems.push(`cell ${i}: ${pre.scrollWidth - pre.clientWidth} px of code hidden, overflow-x ${style.overflowX}`);
          pre.scrollLeft = pre.scrollWidth;
          const box = pre.getBoundingClientRect();
          const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
          let right = 0;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.textContent.trim().length === 0) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            for (const r of range.getClientRects()) right = Math.max(right, r.right);
          }
          if (right > box.right + 1) problems.push(`cell ${i}: text ends at ${right} px, the cell at ${box.right} px`);
          if (box.right > document.documentElement.clientWidth + 1) problems.push(`cell ${i}: the cell runs off the page (${box.right} px)`);
          pre.scrollLeft = 0;
          return problems;
        })
        """;

    [Theory]
    [InlineData(1200)]
    [InlineData(420)]
    public async Task No_code_cell_cuts_its_code(int width)
    {
        var scrolled = 0;
        foreach (var name in CourseSiteRun.Pages)
        {
            var (page, errors) = await site.OpenAsync(name, width);
            Assert.Empty(await page.EvaluateAsync<string[]>(CodeCellsCut));
            scrolled += await page.EvaluateAsync<int>("() => [...document.querySelectorAll('pre.source')].filter(p => p.scrollWidth > p.clientWidth + 1).length");
            Assert.Empty(errors);
            await page.Context.CloseAsync();
        }
        // The long line of 01-alpha must be wider than its cell, or the test would prove nothing.
        Assert.True(scrolled >= 1, $"no code cell was wider than the page: the fixture's long line is missing (runner exit code {site.Result.ExitCode})\n{site.Result.Output}");
    }

    [Fact]
    public async Task Printed_pages_wrap_code_and_leave_out_the_links_and_search()
    {
        var (page, errors) = await site.OpenAsync("01-alpha.html", 800);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.Equal("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('header.site-header')).display"));
        Assert.Equal("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('footer.site-footer')).display"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('pre.source')].filter(p => p.scrollWidth > p.clientWidth + 1).length"));
        Assert.Contains("LONGLINE-END-MARKER", await page.Locator("pre.source").Nth(1).InnerTextAsync());
        var pdf = await page.PdfAsync();
        Assert.True(pdf.Length > 1000);
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public void Search_documents_cover_every_page_and_cell()
    {
        var script = File.ReadAllText(site.PathOf("assets/search-data.js"));
        var json = script[(script.IndexOf('=') + 1)..].Trim().TrimEnd(';');
        var documents = JsonSerializer.Deserialize<SearchDocument[]>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal(CourseSiteRun.Pages, documents.Select(d => d.Page).Distinct());
        Assert.Contains(documents, d => d.Page == "01-alpha.html" && d.Anchor == "cell-title" && d.Section == "Quaternions");
        Assert.Contains(documents, d => d.Page == "03-gamma.html" && d.Anchor == "cell-hello" && d.Text.Contains("gamma says zebrafish"));
        Assert.Equal(documents.Length, documents.Select(d => d.Id).Distinct().Count());
    }
}
