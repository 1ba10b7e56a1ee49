using System.Collections.Concurrent;
using System.Reactive.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;

namespace GenAI.Notebooks.Execution;

/// <summary>
/// Loads the kernel extensions a NuGet package carries in <c>interactive-extensions/dotnet/*.dll</c> once
/// the command that added the package has finished, as the dotnet-interactive tool does: each public
/// <see cref="IKernelExtension"/> is created and its <c>OnLoadAsync</c> called with the composite kernel,
/// and "Loading extensions from `path`" is displayed. This is how a package registers its formatters.
/// </summary>
public static class InteractiveExtensions
{
    public static void LoadFromAddedPackages(CompositeKernel kernel)
    {
        var pending = new ConcurrentQueue<string>();
        var seenRoots = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        kernel.RegisterForDisposal(kernel.KernelEvents.OfType<PackageAdded>().Subscribe(added =>
        {
            if (added.PackageReference.PackageRoot is { } root && seenRoots.TryAdd(root, true))
                pending.Enqueue(root);
        }));
        kernel.AddMiddleware(async (command, context, next) =>
        {
            await next(command, context);
            while (pending.TryDequeue(out var root))
            {
                var folder = Path.Combine(root, "interactive-extensions", "dotnet");
                if (Directory.Exists(folder))
                    await LoadFolderAsync(folder, kernel, context);
            }
        });
    }

    private static async Task LoadFolderAsync(string folder, Kernel kernel, KernelInvocationContext context)
    {
        foreach (var dll in Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal))
        {
            var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(dll);
            var extensions = assembly.ExportedTypes
                .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IKernelExtension).IsAssignableFrom(t)
                            && t.GetConstructor(Type.EmptyTypes) is not null)
                .ToArray();
            if (extensions.Length == 0) continue;
            context.DisplayAs($"Loading extensions from `{assembly.Location}`", "text/markdown");
            foreach (var type in extensions)
            {
                try
                {
                    await ((IKernelExtension)Activator.CreateInstance(type)!).OnLoadAsync(kernel);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    var inner = e is TargetInvocationException { InnerException: { } cause } ? cause : e;
                    context.Fail(context.Command, inner, $"Failed to load kernel extension \"{type.Name}\" from assembly {assembly.Location}: {inner.Message}");
                }
            }
        }
    }
}
