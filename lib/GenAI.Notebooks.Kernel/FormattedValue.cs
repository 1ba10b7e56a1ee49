using Microsoft.DotNet.Interactive.Formatting;

namespace Microsoft.DotNet.Interactive;

/// <summary>One rendering of a value: a mime type and the text of the value in that format.</summary>
public sealed class FormattedValue
{
    public FormattedValue(string mimeType, string value)
    {
        if (string.IsNullOrWhiteSpace(mimeType))
            throw new ArgumentException("A formatted value needs a mime type.", nameof(mimeType));
        MimeType = mimeType;
        Value = value;
    }

    public string MimeType { get; }

    public string Value { get; }

    /// <summary>
    /// Formats a value once per requested mime type; with none requested, once per mime type that
    /// the formatter prefers for the value's type (one for most types, more where a type asks for it).
    /// </summary>
    public static IReadOnlyList<FormattedValue> CreateManyFromObject(object? value, params string[] mimeTypes)
    {
        if (mimeTypes is null || mimeTypes.Length == 0)
            mimeTypes = Formatter.GetPreferredMimeTypesFor(value?.GetType() ?? typeof(object)).ToArray();
        return mimeTypes.Distinct().Select(mime => new FormattedValue(mime, value.ToDisplayString(mime))).ToArray();
    }

    public static FormattedValue CreateSingleFromObject(object? value, string? mimeType = null) =>
        CreateManyFromObject(value, mimeType is null ? [] : [mimeType])[0];

    public override string ToString() => $"{MimeType}: {Value}";
}
