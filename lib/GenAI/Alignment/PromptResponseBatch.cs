using static TorchSharp.torch;

namespace GenAI.Alignment;

/// <summary>
/// Prompt/response pairs packed for a language model: <see cref="Tokens"/> [B, T] holds prompt then response, padded on the
/// right with a pad token; <see cref="ResponseMask"/> [B, T] is 1 at response positions and 0 at prompt and pad positions;
/// <see cref="LastIndex"/> [B] is the position of each sequence's last real token (where a reward model reads its score).
/// The host-side lists keep the token ids for decoding. Every piece of alignment (SFT, log-probabilities, reward model, RLHF,
/// DPO) takes this one structure.
/// </summary>
public sealed class PromptResponseBatch : IDisposable
{
    PromptResponseBatch(Tensor tokens, Tensor responseMask, Tensor lastIndex, IReadOnlyList<long[]> prompts, IReadOnlyList<long[]> responses)
    {
        Tokens = tokens;
        ResponseMask = responseMask;
        LastIndex = lastIndex;
        Prompts = prompts;
        Responses = responses;
    }

    /// <summary>Prompt and response token ids, right-padded: [B, T] (int64).</summary>
    public Tensor Tokens { get; }

    /// <summary>1 where the token belongs to the response, else 0: [B, T] (float32).</summary>
    public Tensor ResponseMask { get; }

    /// <summary>Index of each row's last prompt-or-response token: [B] (int64).</summary>
    public Tensor LastIndex { get; }

    public IReadOnlyList<long[]> Prompts { get; }
    public IReadOnlyList<long[]> Responses { get; }

    public int Count => Prompts.Count;

    /// <summary>Packs <paramref name="pairs"/> (each prompt and response at least one token) into tensors on <paramref name="device"/>.</summary>
    public static PromptResponseBatch Create(IReadOnlyList<(IReadOnlyList<long> Prompt, IReadOnlyList<long> Response)> pairs, long padToken, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0) throw new ArgumentException("Give at least one prompt/response pair.", nameof(pairs));
        for (int i = 0; i < pairs.Count; i++)
        {
            if (pairs[i].Prompt is null || pairs[i].Prompt.Count == 0) throw new ArgumentException($"Pair {i} has an empty prompt; a prompt needs at least one token.", nameof(pairs));
            if (pairs[i].Response is null || pairs[i].Response.Count == 0) throw new ArgumentException($"Pair {i} has an empty response; a response needs at least one token.", nameof(pairs));
        }
        int B = pairs.Count;
        int T = pairs.Max(p => p.Prompt.Count + p.Response.Count);
        var ids = new long[B * T];
        var mask = new float[B * T];
        var last = new long[B];
        Array.Fill(ids, padToken);
        for (int b = 0; b < B; b++)
        {
            var (prompt, response) = pairs[b];
            for (int t = 0; t < prompt.Count; t++) ids[b * T + t] = prompt[t];
            for (int t = 0; t < response.Count; t++)
            {
                ids[b * T + prompt.Count + t] = response[t];
                mask[b * T + prompt.Count + t] = 1;
            }
            last[b] = prompt.Count + response.Count - 1;
        }
        return new PromptResponseBatch(
            tensor(ids, [B, T], ScalarType.Int64, device), tensor(mask, [B, T], ScalarType.Float32, device), tensor(last, [B], ScalarType.Int64, device),
            pairs.Select(p => p.Prompt.ToArray()).ToList(), pairs.Select(p => p.Response.ToArray()).ToList());
    }

    public void Dispose()
    {
        Tokens.Dispose();
        ResponseMask.Dispose();
        LastIndex.Dispose();
    }
}
