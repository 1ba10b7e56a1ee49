using System.Reflection;

namespace GenAI.Plotting;

/// <summary>
/// Shows a value as a notebook output that can be replaced later, through the kernel's
/// <c>Microsoft.DotNet.Interactive.Kernel.display(object, params string[])</c>, found by reflection so that
/// this library needs no reference to .NET Interactive. VS Code's C# kernel and our headless runner both
/// provide that method; a plain console program does not, and then <see cref="Detect"/> returns null.
/// </summary>
public sealed class NotebookDisplay
{
    public const string KernelTypeName = "Microsoft.DotNet.Interactive.Kernel";

    private readonly MethodInfo _display;

    private NotebookDisplay(MethodInfo display) => _display = display;

    /// <summary>The kernel's display, if a loaded assembly has it; otherwise null (console programs, tests).</summary>
    public static NotebookDisplay? Detect() =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => a.GetType(KernelTypeName, throwOnError: false))
            .Where(t => t is not null)
            .Select(t => FromKernelType(t!))
            .FirstOrDefault(d => d is not null);

    /// <summary>Uses the static <c>display(object, params string[])</c> of <paramref name="kernelType"/>; null if it has none.</summary>
    public static NotebookDisplay? FromKernelType(Type kernelType)
    {
        ArgumentNullException.ThrowIfNull(kernelType);
        var method = kernelType.GetMethod("display", BindingFlags.Public | BindingFlags.Static, new[] { typeof(object), typeof(string[]) });
        return method is null || method.ReturnType == typeof(void) ? null : new NotebookDisplay(method);
    }

    /// <summary>
    /// Shows <paramref name="value"/> as HTML and returns an action that replaces that output with a new value.
    /// Errors from the kernel (for example no notebook hosting the code) come back as the exception it threw.
    /// </summary>
    public Action<object> Show(object value)
    {
        object handle = Unwrap(() => _display.Invoke(null, new object[] { value, new[] { "text/html" } }))
            ?? throw new InvalidOperationException($"{KernelTypeName}.display returned null instead of a displayed value.");
        var update = handle.GetType().GetMethod("Update", BindingFlags.Public | BindingFlags.Instance, new[] { typeof(object) })
            ?? throw new InvalidOperationException($"{handle.GetType().FullName} has no Update(object) method to refresh the output.");
        return newValue => Unwrap(() => update.Invoke(handle, new[] { newValue }));
    }

    /// <summary>Reflection wraps the callee's exception; the caller wants the original.</summary>
    private static object? Unwrap(Func<object?> call)
    {
        try { return call(); }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
