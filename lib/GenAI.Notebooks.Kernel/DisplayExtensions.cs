using Microsoft.DotNet.Interactive;

// The real kernel puts these in namespace System so that cells use them without a using directive.
namespace System;

public static class DisplayExtensions
{
    /// <summary>Shows a value in a notebook, formatted with the given or the preferred mime types.</summary>
    public static DisplayedValue Display(this object? value, params string[] mimeTypes) => Kernel.display(value, mimeTypes);

    /// <summary>Shows text as it is under the given mime type (for example raw HTML or markdown).</summary>
    public static DisplayedValue DisplayAs(this string value, string mimeType)
    {
        var displayed = new DisplayedValue([mimeType]);
        displayed.Publish([new FormattedValue(mimeType, value)]);
        return displayed;
    }
}
