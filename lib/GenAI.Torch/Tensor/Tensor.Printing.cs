using System.Globalization;
using System.Text;
using TorchSharp.Utils;

namespace TorchSharp;

public enum TensorStringStyle { Metadata, Julia, Numpy, CSharp, Default }

public static partial class torch
{
    /// <summary>Style used by str()/print() when none is given (Default).</summary>
    public static TensorStringStyle TensorStringStyle { get; set; } = TensorStringStyle.Julia;

    [TypeFormatterSource(typeof(TensorFormatterSource), PreferredMimeTypes = new[] { "text/plain", "text/html" })]
    public partial class Tensor
    {
        /// <summary>Metadata only, e.g. "[2x3], type = Float32, device = cpu" (as TorchSharp).</summary>
        public override string ToString() => IsInvalid ? "Tensor (disposed)" : TensorPrinter.Metadata(this);

        public string ToString(bool disamb, string? fltFormat = null, int? width = null, CultureInfo? cultureInfo = null, string? newLine = null) =>
            ToString(disamb ? TensorStringStyle.Julia : TensorStringStyle.Metadata, fltFormat, width, cultureInfo, newLine);

        public string ToString(TensorStringStyle style, string? fltFormat = null, int? width = null, CultureInfo? cultureInfo = null, string? newLine = null)
        {
            if (style == TensorStringStyle.Default) style = torch.TensorStringStyle;
            var culture = cultureInfo ?? CultureInfo.CurrentCulture;
            var nl = newLine ?? Environment.NewLine;
            var fmt = fltFormat ?? "g5";
            return style switch
            {
                TensorStringStyle.Metadata => TensorPrinter.Metadata(this),
                TensorStringStyle.Numpy => TensorPrinter.Numpy(this, fmt, width ?? 100, culture, nl),
                TensorStringStyle.CSharp => TensorPrinter.CSharp(this, fmt, culture, nl),
                _ => TensorPrinter.Julia(this, fmt, width ?? 100, culture, nl),
            };
        }
    }
}

public static partial class TensorExtensionMethods
{
    public static string str(this torch.Tensor tensor, string? fltFormat = null, int? width = null, string? newLine = null,
        CultureInfo? cultureInfo = null, TensorStringStyle style = TensorStringStyle.Default) =>
        tensor.ToString(style, fltFormat, width, cultureInfo, newLine);

    public static string npstr(this torch.Tensor tensor, string fltFormat = "g5", int? width = 100, string? newLine = null, CultureInfo? cultureInfo = null) =>
        tensor.ToString(TensorStringStyle.Numpy, fltFormat, width, cultureInfo, newLine);

    public static string jlstr(this torch.Tensor tensor, string? fltFormat = null, int? width = null, string? newLine = null, CultureInfo? cultureInfo = null) =>
        tensor.ToString(TensorStringStyle.Julia, fltFormat, width, cultureInfo, newLine);

    public static string cstr(this torch.Tensor tensor, string fltFormat = "g5", int? width = 100, string? newLine = null, CultureInfo? cultureInfo = null) =>
        tensor.ToString(TensorStringStyle.CSharp, fltFormat, width, cultureInfo, newLine);

    public static string metastr(this torch.Tensor tensor) => tensor.ToString(TensorStringStyle.Metadata);

    /// <summary>Writes the tensor to the console and returns it (for chaining).</summary>
    public static torch.Tensor print(this torch.Tensor t, string fltFormat = "g5", int? width = 100, string? newLine = null,
        CultureInfo? cultureInfo = null, TensorStringStyle style = TensorStringStyle.Default)
    {
        Console.WriteLine(t.ToString(style, fltFormat, width, cultureInfo, newLine));
        return t;
    }
}

/// <summary>Text renderings of tensors. Large tensors are elided (first and last 3 along each dim).</summary>
internal static class TensorPrinter
{
    private const long ElideThreshold = 1000;
    private const int EdgeItems = 3;

    public static string Metadata(torch.Tensor t) =>
        $"[{string.Join("x", t.shape)}], type = {t.dtype}, device = {t.device}";

    /// <summary>Element strings in row-major order (of a CPU copy).</summary>
    private static string[] Elements(torch.Tensor t, string fmt, CultureInfo culture)
    {
        using var cpu = t.detach().cpu();
        var type = cpu.dtype;
        if (type == torch.ScalarType.Bool)
            return cpu.ToArray<bool>(torch.ScalarType.Bool).Select(b => b ? "true" : "false").ToArray();
        if (cpu.is_integral())
            return cpu.ToArray<long>(torch.ScalarType.Int64).Select(v => v.ToString(culture)).ToArray();
        if (cpu.is_complex())
            throw new NotSupportedException("Printing complex tensors is not supported.");
        return cpu.ToArray<double>(torch.ScalarType.Float64).Select(v => FormatFloat(v, fmt, culture)).ToArray();
    }

    private static string FormatFloat(double v, string fmt, CultureInfo culture)
    {
        if (double.IsNaN(v)) return "nan";
        if (double.IsPositiveInfinity(v)) return "inf";
        if (double.IsNegativeInfinity(v)) return "-inf";
        return v.ToString(fmt, culture);
    }

    /// <summary>Nested-bracket rendering, numpy's repr style: [[1, 2],\n [3, 4]].</summary>
    public static string Numpy(torch.Tensor t, string fmt, int width, CultureInfo culture, string newLine)
    {
        var shape = t.shape;
        var elements = Elements(t, fmt, culture);
        if (shape.Length == 0) return elements[0];
        bool elide = elements.LongLength > ElideThreshold;
        int pad = elements.Length == 0 ? 0 : elements.Max(e => e.Length);
        var sb = new StringBuilder();
        var strides = new long[shape.Length];
        long stride = 1;
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= shape[d];
        }
        void Write(int dim, long offset)
        {
            sb.Append('[');
            long n = shape[dim];
            var indices = elide && n > 2 * EdgeItems
                ? Enumerable.Range(0, EdgeItems).Select(i => (long)i).Concat(new[] { -1L }).Concat(Enumerable.Range((int)(n - EdgeItems), EdgeItems).Select(i => (long)i))
                : Enumerable.Range(0, (int)n).Select(i => (long)i);
            bool first = true;
            foreach (var i in indices)
            {
                if (!first)
                {
                    sb.Append(',');
                    if (dim == shape.Length - 1) sb.Append(' ');
                    else
                    {
                        for (int k = 0; k < shape.Length - 1 - dim; k++) sb.Append(newLine);
                        sb.Append(' ', dim + 1);
                    }
                }
                first = false;
                if (i < 0) sb.Append("...");
                else if (dim == shape.Length - 1) sb.Append(elements[offset + i * strides[dim]].PadLeft(pad));
                else Write(dim + 1, offset + i * strides[dim]);
            }
            sb.Append(']');
        }
        Write(0, 0);
        return sb.ToString();
    }

    /// <summary>Metadata line, then the values (TorchSharp's default style).</summary>
    public static string Julia(torch.Tensor t, string fmt, int width, CultureInfo culture, string newLine) =>
        Metadata(t) + newLine + Numpy(t, fmt, width, culture, newLine);

    public static string CSharp(torch.Tensor t, string fmt, CultureInfo culture, string newLine) =>
        Metadata(t) + ", value = " + newLine + Numpy(t, fmt, int.MaxValue, culture, newLine).Replace('[', '{').Replace(']', '}');
}
