using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace GenAI.Notebooks.Execution;

/// <summary>
/// The kernel a notebook runs in: the real .NET Interactive C# kernel, set up as the
/// <c>dotnet-interactive</c> tool behind VS Code's Polyglot Notebooks sets it up, for C# only.
/// The packages leave three things to their host, supplied here as the tool supplies them:
/// the callback that adds what a <c>#r "nuget:"</c> resolved, loading a package's
/// <c>interactive-extensions</c>, and the default formatting for a browser front end.
/// </summary>
public static class NotebookKernel
{
    public const string CSharpName = "csharp";

    /// <summary>A composite kernel holding the C# kernel (aliases c#, C#) and the value store (#!value).</summary>
    public static CompositeKernel Create()
    {
        var csharp = new CSharpKernel()
            .UseNugetDirective(AddResolvedAssemblies)
            .UseKernelHelpers()
            .UseWho()
            .UseValueSharing();
        var composite = new CompositeKernel();
        composite.Add(csharp, ["c#", "C#"]);
        composite.Add(new KeyValueStoreKernel().UseWho());
        composite.UseImportMagicCommand();
        InteractiveExtensions.LoadFromAddedPackages(composite);
        composite.DefaultKernelName = CSharpName;
        UseBrowserFormatting();
        return composite;
    }

    /// <summary>What the tool's no-argument UseNugetDirective does for C#: reference every resolved assembly.</summary>
    private static Task AddResolvedAssemblies(CSharpKernel kernel, IReadOnlyList<ResolvedPackageReference> packages)
    {
        kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
        return Task.CompletedTask;
    }

    /// <summary>The tool's formatting for browser front ends (VS Code): objects as HTML, strings as plain text.</summary>
    private static void UseBrowserFormatting()
    {
        Formatter.ResetToDefault();
        Formatter.DefaultMimeType = HtmlFormatter.MimeType;
        Formatter.SetPreferredMimeTypesFor(typeof(string), PlainTextFormatter.MimeType);
    }
}
