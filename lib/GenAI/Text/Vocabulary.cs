namespace GenAI.Text;

/// <summary>
/// A fixed, ordered list of tokens: the id of a token is its position. Numericalisation is
/// nothing more than looking tokens up here, and decoding is indexing the list.
/// </summary>
public sealed class Vocabulary
{
    readonly string[] _tokens;
    readonly Dictionary<string, int> _ids;

    public Vocabulary(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _tokens = tokens.ToArray();
        _ids = new Dictionary<string, int>(_tokens.Length, StringComparer.Ordinal);
        for (int i = 0; i < _tokens.Length; i++)
        {
            if (_tokens[i] is null) throw new ArgumentException($"Vocabulary entry {i} is null.", nameof(tokens));
            if (!_ids.TryAdd(_tokens[i], i))
                throw new ArgumentException($"Token '{Escape(_tokens[i])}' appears twice in the vocabulary (ids {_ids[_tokens[i]]} and {i}).", nameof(tokens));
        }
    }

    /// <summary>Number of tokens, i.e. the size of a model's embedding table and output layer.</summary>
    public int Count => _tokens.Length;

    /// <summary>All tokens in id order.</summary>
    public IReadOnlyList<string> Tokens => _tokens;

    /// <summary>The token with id <paramref name="id"/>.</summary>
    public string this[long id]
    {
        get
        {
            if (id < 0 || id >= _tokens.Length)
                throw new ArgumentOutOfRangeException(nameof(id), id, $"Token id {id} is outside the vocabulary (valid ids are 0..{_tokens.Length - 1}).");
            return _tokens[id];
        }
    }

    public bool Contains(string token) => _ids.ContainsKey(token);

    public bool TryGetId(string token, out int id) => _ids.TryGetValue(token, out id);

    /// <summary>The id of <paramref name="token"/>; a clear error when it is not in the vocabulary.</summary>
    public int IdOf(string token)
    {
        if (_ids.TryGetValue(token, out int id)) return id;
        throw new KeyNotFoundException($"Token '{Escape(token)}' is not in the vocabulary of {_tokens.Length} tokens.");
    }

    /// <summary>Makes control characters visible in error messages ("\n" rather than a line break).</summary>
    internal static string Escape(string token)
    {
        var builder = new System.Text.StringBuilder();
        foreach (char c in token)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }
}
