namespace GenAI.Text;

/// <summary>
/// The reserved tokens a tokenizer puts in front of its learned vocabulary. Each role is
/// optional (null = the tokenizer has no such token), and two roles may share one string:
/// the character models of the names notebooks use a single "." both to start and to end a
/// name, so <c>new SpecialTokens(Bos: ".", Eos: ".", Pad: null, Unk: null, Mask: null)</c>.
/// </summary>
/// <param name="Pad">Fills short sequences up to the batch length; models ignore it.</param>
/// <param name="Unk">Stands for anything the vocabulary does not know.</param>
/// <param name="Bos">Marks the beginning of a sequence.</param>
/// <param name="Eos">Marks the end of a sequence (a generator stops when it samples it).</param>
/// <param name="Mask">Hides a token that a masked language model must predict.</param>
public sealed record SpecialTokens(
    string? Pad = "<pad>",
    string? Unk = "<unk>",
    string? Bos = "<bos>",
    string? Eos = "<eos>",
    string? Mask = "<mask>")
{
    /// <summary>All five roles with their usual spellings: &lt;pad&gt; &lt;unk&gt; &lt;bos&gt; &lt;eos&gt; &lt;mask&gt;.</summary>
    public static SpecialTokens Default { get; } = new();

    /// <summary>No reserved tokens at all: the vocabulary is only what was learned.</summary>
    public static SpecialTokens None { get; } = new(null, null, null, null, null);

    /// <summary>One boundary token for both start and end, the convention of the names models.</summary>
    public static SpecialTokens Boundary(string token = ".") => new(null, null, token, token, null);

    /// <summary>
    /// The distinct special strings in id order (pad, unk, bos, eos, mask, skipping absent roles
    /// and repeats), which is the order they get ids 0, 1, 2, ... in a vocabulary.
    /// </summary>
    public IReadOnlyList<string> Distinct()
    {
        var result = new List<string>();
        foreach (var token in new[] { Pad, Unk, Bos, Eos, Mask })
        {
            if (token is null) continue;
            if (token.Length == 0) throw new ArgumentException("A special token cannot be the empty string.");
            if (!result.Contains(token)) result.Add(token);
        }
        return result;
    }
}
