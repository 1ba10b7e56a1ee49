using System.Net;

namespace TorchSharp.Utils;

/// <summary>
/// Names the formatter source of a type for notebook kernels. .NET Interactive finds it by
/// convention (an attribute with this name and these properties), so this library does not
/// depend on the Interactive packages.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct)]
public class TypeFormatterSourceAttribute : Attribute
{
    public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;

    public Type FormatterSourceType { get; }

    public string[]? PreferredMimeTypes { get; set; }
}

/// <summary>Creates the tensor formatters (text/plain = numpy-style string, text/html = the same in a pre block).</summary>
public class TensorFormatterSource
{
    public TensorFormatterSource() { }

    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new TensorTypeFormatter("text/plain");
        yield return new TensorTypeFormatter("text/html");
    }
}

/// <summary>One formatter of the convention: MimeType, Type and Format(object, TextWriter).</summary>
public class TensorTypeFormatter
{
    internal TensorTypeFormatter(string mimeType) => MimeType = mimeType;

    public string MimeType { get; }

    public Type Type => typeof(torch.Tensor);

    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not torch.Tensor tensor) return false;
        var text = tensor.IsInvalid ? "Tensor (disposed)" : tensor.ToString(TensorStringStyle.Numpy);
        if (MimeType == "text/html") writer.Write("<div><pre>" + WebUtility.HtmlEncode(text) + "</pre></div>");
        else writer.Write(text);
        return true;
    }
}
