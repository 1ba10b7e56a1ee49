using GenAI.Data;
using static TorchSharp.torch;

namespace GenAI.Tests.Data;

public class TextToTextTasksTests
{
    [Fact]
    public void Reverse_and_sort_are_hand_worked()
    {
        Assert.Equal("olleh", TextToTextTasks.Reverse("hello"));
        Assert.Equal("abcd", TextToTextTasks.Sort("dcab"));
        Assert.Equal(new TextToTextExample("sort", "sort: bca", "abc"), TextToTextTasks.Make("sort", "bca"));
        Assert.Equal(new TextToTextExample("reverse", "reverse: bca", "acb"), TextToTextTasks.Make("reverse", "bca"));
        Assert.Throws<ArgumentException>(() => TextToTextTasks.Make("date", "x"));
    }

    [Fact]
    public void Generate_cycles_the_tasks_with_their_prefixes_and_right_answers()
    {
        var examples = TextToTextTasks.Generate(30, seed: 5);
        Assert.Equal(30, examples.Count);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => TextToTextTasks.Names[i % 3]), examples.Select(e => e.Task));
        Assert.All(examples, e => Assert.StartsWith(e.Task + ": ", e.Source));
        var dates = DateTranslation.Generate(10, 6);
        for (int i = 0; i < 10; i++)
            Assert.Equal(new TextToTextExample("date", "date: " + dates[i].Source, dates[i].Target), examples[3 * i]);
        foreach (var e in examples.Where(e => e.Task != "date"))
        {
            string payload = e.Source[(e.Task.Length + 2)..];
            Assert.InRange(payload.Length, 4, 10);
            Assert.Equal(e.Task == "sort" ? TextToTextTasks.Sort(payload) : TextToTextTasks.Reverse(payload), e.Target);
        }
        Assert.Equal(examples, TextToTextTasks.Generate(30, seed: 5));
    }

    [Fact]
    public void Pad_appends_eos_to_targets_and_pads_both()
    {
        var (s, t) = TextToTextTasks.Pad([[5L, 6L, 7L], [8L]], [[9L], [10L, 11L]], padId: 0, eosId: 2, sourceLength: 4, targetLength: 3);
        Assert.Equal(new long[] { 5, 6, 7, 0, 8, 0, 0, 0 }, s.data<long>().ToArray());
        Assert.Equal(new long[] { 9, 2, 0, 10, 11, 2 }, t.data<long>().ToArray());
        Assert.Equal(new long[] { 2, 3 }, t.shape);
        Assert.Throws<ArgumentException>(() => TextToTextTasks.Pad([[1L]], [], 0, 2, 4, 3));
    }
}
