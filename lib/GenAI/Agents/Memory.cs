using GenAI.Retrieval;
using Microsoft.Extensions.AI;
using static TorchSharp.torch;

namespace GenAI.Agents;

/// <summary>
/// A model is stateless: it sees only the messages a request carries. Memory is the program's: it keeps the
/// turns and decides which of them the next request carries (<see cref="Recall"/>).
/// </summary>
public interface IConversationMemory
{
    void Add(ChatMessage message);

    /// <summary>Every turn ever added, in order.</summary>
    IReadOnlyList<ChatMessage> History { get; }

    /// <summary>The messages to send with the next request about <paramref name="query"/> (which ends the list).</summary>
    IReadOnlyList<ChatMessage> Recall(string query);
}

/// <summary>The full history: every turn, every time (until it no longer fits the context).</summary>
public sealed class FullHistoryMemory : IConversationMemory
{
    readonly List<ChatMessage> turns = [];
    public IReadOnlyList<ChatMessage> History => turns;
    public void Add(ChatMessage message) => turns.Add(message ?? throw new ArgumentNullException(nameof(message)));
    public IReadOnlyList<ChatMessage> Recall(string query) => [.. turns, new ChatMessage(ChatRole.User, query)];
}

/// <summary>
/// The last <c>keepLast</c> turns verbatim and a summary of the older ones in one system message. The summariser is
/// a function (a model call in a real agent); the default keeps what the user said in each older turn, cut to 40 characters.
/// </summary>
public sealed class SummaryMemory(int keepLast = 4, Func<IReadOnlyList<ChatMessage>, string>? summarize = null) : IConversationMemory
{
    readonly List<ChatMessage> turns = [];
    readonly Func<IReadOnlyList<ChatMessage>, string> summarizer = summarize ?? DefaultSummary;
    public int KeepLast { get; } = keepLast >= 0 ? keepLast : throw new ArgumentOutOfRangeException(nameof(keepLast), keepLast, "keepLast cannot be negative.");
    public IReadOnlyList<ChatMessage> History => turns;
    public void Add(ChatMessage message) => turns.Add(message ?? throw new ArgumentNullException(nameof(message)));

    public IReadOnlyList<ChatMessage> Recall(string query)
    {
        var result = new List<ChatMessage>();
        int older = Math.Max(0, turns.Count - KeepLast);
        if (older > 0) result.Add(new ChatMessage(ChatRole.System, "Summary of earlier turns: " + summarizer(turns.Take(older).ToList())));
        result.AddRange(turns.Skip(older));
        result.Add(new ChatMessage(ChatRole.User, query));
        return result;
    }

    /// <summary>The older user turns, each cut to 40 characters, joined by "; " (an extractive summary: what the user said).</summary>
    public static string DefaultSummary(IReadOnlyList<ChatMessage> older) =>
        "the user said " + string.Join("; ", older.Where(m => m.Role == ChatRole.User).Select(m => Cut(m.Text, 40)));

    static string Cut(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}

/// <summary>
/// Retrieval of relevant past turns: every turn is embedded when added; a request carries the <c>k</c> older turns
/// most similar to the query (cosine of the embedder's unit vectors, one matrix product), in their original order,
/// then the last <c>keepLast</c> turns.
/// </summary>
public sealed class RetrievalMemory : IConversationMemory, IDisposable
{
    readonly List<ChatMessage> turns = [];
    readonly List<Tensor> vectors = [];
    readonly IEmbedder embedder;

    public RetrievalMemory(IEmbedder embedder, int k = 2, int keepLast = 2)
    {
        this.embedder = embedder ?? throw new ArgumentNullException(nameof(embedder));
        K = k >= 1 ? k : throw new ArgumentOutOfRangeException(nameof(k), k, "k must be at least 1.");
        KeepLast = keepLast >= 0 ? keepLast : throw new ArgumentOutOfRangeException(nameof(keepLast), keepLast, "keepLast cannot be negative.");
    }

    public int K { get; }
    public int KeepLast { get; }
    public IReadOnlyList<ChatMessage> History => turns;

    public void Add(ChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        turns.Add(message);
        vectors.Add(embedder.EmbedOne(message.Text));
    }

    /// <summary>The indices of the older turns recalled for <paramref name="query"/>, best first.</summary>
    public IReadOnlyList<int> Relevant(string query)
    {
        int older = Math.Max(0, turns.Count - KeepLast);
        if (older == 0) return [];
        using var scope = NewDisposeScope();
        var q = embedder.EmbedOne(query);                      // [D]
        var scores = stack(vectors.Take(older).ToArray()).mv(q); // [older] cosines
        var (_, idx) = scores.topk(Math.Min(K, older));
        return idx.data<long>().Select(i => (int)i).ToList();
    }

    public IReadOnlyList<ChatMessage> Recall(string query)
    {
        int older = Math.Max(0, turns.Count - KeepLast);
        var picked = Relevant(query).OrderBy(i => i).Select(i => turns[i]);
        return [.. picked, .. turns.Skip(older), new ChatMessage(ChatRole.User, query)];
    }

    public void Dispose()
    {
        foreach (var v in vectors) v.Dispose();
        vectors.Clear();
    }
}
