using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Data;

/// <summary>One text-to-text example: the task's name, the input (which starts with "task: ") and the output.</summary>
public sealed record TextToTextExample(string Task, string Source, string Target);

/// <summary>
/// Several generated tasks in T5's text-to-text format (Raffel et al., 2020): every task is "read a text, write a text",
/// and the input names its task with a prefix, so one encoder-decoder learns them all. "date: 23 sep 1998" → "1998-09-23"
/// (notebook 08's date translation), "reverse: hello" → "olleh", "sort: dcab" → "abcd". The same seed gives the same examples.
/// </summary>
public static class TextToTextTasks
{
    /// <summary>The tasks, in the order <see cref="Generate"/> cycles through them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["date", "reverse", "sort"];

    /// <summary>The letters reversed.</summary>
    public static string Reverse(string letters)
    {
        ArgumentNullException.ThrowIfNull(letters);
        var a = letters.ToCharArray();
        Array.Reverse(a);
        return new string(a);
    }

    /// <summary>The letters in alphabetical (ordinal) order.</summary>
    public static string Sort(string letters)
    {
        ArgumentNullException.ThrowIfNull(letters);
        var a = letters.ToCharArray();
        Array.Sort(a);
        return new string(a);
    }

    /// <summary>The example of task <paramref name="task"/> for a payload: "task: payload" and its answer.</summary>
    public static TextToTextExample Make(string task, string payload) => task switch
    {
        "reverse" => new(task, $"reverse: {payload}", Reverse(payload)),
        "sort" => new(task, $"sort: {payload}", Sort(payload)),
        _ => throw new ArgumentException($"Make builds the letter tasks 'reverse' and 'sort'; got '{task}' (dates come from DateTranslation).", nameof(task)),
    };

    /// <summary>
    /// <paramref name="count"/> examples, the tasks in turn (date, reverse, sort, date, ...): dates from
    /// <see cref="DateTranslation.Generate"/>, letter strings of <paramref name="minLetters"/>..<paramref name="maxLetters"/> random lower-case letters.
    /// </summary>
    public static IReadOnlyList<TextToTextExample> Generate(int count, int seed, int minLetters = 4, int maxLetters = 10)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "count must be at least 1.");
        if (minLetters < 1 || maxLetters < minLetters)
            throw new ArgumentException($"Need 1 <= minLetters <= maxLetters; got {minLetters} and {maxLetters}.", nameof(minLetters));
        var random = new Random(seed);
        var dates = DateTranslation.Generate((count + Names.Count - 1) / Names.Count, seed + 1);
        var result = new List<TextToTextExample>(count);
        for (int i = 0; i < count; i++)
        {
            string task = Names[i % Names.Count];
            if (task == "date")
            {
                var d = dates[i / Names.Count];
                result.Add(new TextToTextExample(task, $"date: {d.Source}", d.Target));
                continue;
            }
            int n = random.Next(minLetters, maxLetters + 1);
            var letters = new string(Enumerable.Range(0, n).Select(_ => (char)('a' + random.Next(26))).ToArray());
            result.Add(Make(task, letters));
        }
        return result;
    }

    /// <summary>
    /// Sources and targets as padded id tensors for an encoder-decoder: sources [N, S] (cut or padded to
    /// <paramref name="sourceLength"/>), targets [N, T] = the target ids, then EOS, then padding (cut to <paramref name="targetLength"/>).
    /// </summary>
    public static (Tensor Sources, Tensor Targets) Pad(IReadOnlyList<IReadOnlyList<long>> sources, IReadOnlyList<IReadOnlyList<long>> targets,
        long padId, long eosId, int sourceLength, int targetLength, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(targets);
        if (sources.Count != targets.Count)
            throw new ArgumentException($"sources and targets must pair up; got {sources.Count} sources and {targets.Count} targets.", nameof(targets));
        if (sourceLength < 1 || targetLength < 1)
            throw new ArgumentException($"Lengths must be at least 1; got source {sourceLength}, target {targetLength}.", nameof(sourceLength));
        var (s, _) = Text.TextTensors.PadBatch(sources, padId, sourceLength, device);
        var withEos = targets.Select(t => (IReadOnlyList<long>)t.Append(eosId).ToArray()).ToList();
        var (t, _) = Text.TextTensors.PadBatch(withEos, padId, targetLength, device);
        return (s, t);
    }
}
