using System.Text;

namespace GenAI.Notebooks.Execution;

/// <summary>
/// Console.Out / Console.Error replacements that hand every write to the recorder at once
/// (not line-buffered), so console text and displays keep their relative order.
/// </summary>
public sealed class ConsoleCapture : TextWriter
{
    private readonly OutputRecorder _recorder;
    private readonly string _streamName;

    private ConsoleCapture(OutputRecorder recorder, string streamName)
    {
        _recorder = recorder;
        _streamName = streamName;
    }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => _recorder.Write(_streamName, value.ToString());

    public override void Write(string? value) => _recorder.Write(_streamName, value ?? "");

    public override void Write(char[] buffer, int index, int count) => _recorder.Write(_streamName, new string(buffer, index, count));

    /// <summary>Redirects the process console into the recorder; returns the original writers for the runner's own messages.</summary>
    public static (TextWriter Out, TextWriter Error) Install(OutputRecorder recorder)
    {
        var original = (Console.Out, Console.Error);
        Console.SetOut(TextWriter.Synchronized(new ConsoleCapture(recorder, "stdout")));
        Console.SetError(TextWriter.Synchronized(new ConsoleCapture(recorder, "stderr")));
        return original;
    }
}
