using System.Globalization;
using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace GenAI.Torch.Tests.Tensors;

public class PrintingAndSerializationTests
{
    [Fact]
    public void ToStringGivesMetadataAndNumpyStyleGivesValues()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { 1, 2.5f, -3, 4 }, new long[] { 2, 2 });
        Assert.Equal("[2x2], type = Float32, device = cpu", x.ToString());
        Assert.Equal("[[  1, 2.5],\n [ -3,   4]]", x.ToString(TorchSharp.TensorStringStyle.Numpy, newLine: "\n", cultureInfo: CultureInfo.InvariantCulture));
        Assert.Equal("[1, 2, 3]", arange(1, 4).npstr(newLine: "\n", cultureInfo: CultureInfo.InvariantCulture));
        Assert.Equal("7", tensor(7L).npstr());
        Assert.StartsWith("[3], type = Int64, device = cpu\n[1, 2, 3]", arange(1, 4).jlstr(newLine: "\n"));
        var big = arange(2000).npstr(cultureInfo: CultureInfo.InvariantCulture);
        Assert.Contains("...", big);
        Assert.StartsWith("[   0,    1,    2, ...", big);
    }

    [Fact]
    public void NotebookFormatterFollowsTheConvention()
    {
        var attr = (TypeFormatterSourceAttribute)Attribute.GetCustomAttribute(typeof(Tensor), typeof(TypeFormatterSourceAttribute))!;
        Assert.Equal(new[] { "text/plain", "text/html" }, attr.PreferredMimeTypes);
        var source = Activator.CreateInstance(attr.FormatterSourceType)!;
        var formatters = ((IEnumerable<object>)attr.FormatterSourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!).ToList();
        using var x = tensor(new long[] { 1, 2 });
        var html = new StringWriter();
        var htmlFormatter = formatters.Single(f => (string)f.GetType().GetProperty("MimeType")!.GetValue(f)! == "text/html");
        Assert.Equal(typeof(Tensor), htmlFormatter.GetType().GetProperty("Type")!.GetValue(htmlFormatter));
        Assert.True((bool)htmlFormatter.GetType().GetMethod("Format")!.Invoke(htmlFormatter, new object[] { x, html })!);
        Assert.Equal("<div><pre>[1, 2]</pre></div>", html.ToString());
        var plain = formatters.Single(f => (string)f.GetType().GetProperty("MimeType")!.GetValue(f)! == "text/plain");
        var text = new StringWriter();
        plain.GetType().GetMethod("Format")!.Invoke(plain, new object[] { x, text });
        Assert.Equal("[1, 2]", text.ToString());
        using var lt = tensor(new[] { true });
        var escaped = new StringWriter();
        htmlFormatter.GetType().GetMethod("Format")!.Invoke(htmlFormatter, new object[] { "not a tensor", escaped });
        Assert.Equal("", escaped.ToString());
    }

    [Fact]
    public void SaveAndLoadRoundTripDtypeShapeAndValues()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(Path.GetTempPath(), $"genai-tensor-{Guid.NewGuid()}.bin");
        try
        {
            var x = randn(3, 4, ScalarType.Float64);
            x.save(path);
            var y = Tensor.Load(path);
            Assert.Equal(ScalarType.Float64, y.dtype);
            Assert.Equal(new long[] { 3, 4 }, y.shape);
            Assert.True(x.equal(y).item<bool>());

            var ms = new MemoryStream();
            using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                arange(5).Save(w);
                tensor(new[] { true, false }).Save(w);
            }
            ms.Position = 0;
            using var r = new BinaryReader(ms);
            Assert.Equal(new long[] { 0, 1, 2, 3, 4 }, TensorExtensionMethods.Load(r).data<long>().ToArray());
            var target = zeros(new long[] { 2 }, ScalarType.Bool);
            target.Load(r);
            Assert.Equal(new[] { true, false }, target.data<bool>().ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadingGarbageOrAWrongShapeIsAClearError()
    {
        using var scope = NewDisposeScope();
        var bad = new BinaryReader(new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }));
        Assert.Contains("bad magic", Assert.Throws<InvalidDataException>(() => TensorExtensionMethods.Load(bad)).Message);
        var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true)) ones(3).Save(w);
        ms.Position = 0;
        var ex = Assert.Throws<ArgumentException>(() => ones(4).Load(new BinaryReader(ms)));
        Assert.Contains("shape [3]", ex.Message);
        Assert.Throws<FileNotFoundException>(() => Tensor.Load("/nonexistent/file.bin"));
    }

    [Fact]
    public void BytesRoundTrip()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new int[] { 1, 256 });
        Assert.Equal(new byte[] { 1, 0, 0, 0, 0, 1, 0, 0 }, x.bytes.ToArray());
        x.bytes = new byte[] { 2, 0, 0, 0, 3, 0, 0, 0 };
        Assert.Equal(new[] { 2, 3 }, x.data<int>().ToArray());
    }
}
