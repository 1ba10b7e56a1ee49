using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>How a decoder state s is compared with each encoder state h_j.</summary>
public enum AttentionScore
{
    /// <summary>Bahdanau (additive): e_j = v^T tanh(W_s s + W_h h_j), a small network.</summary>
    Additive,
    /// <summary>Luong dot: e_j = s^T h_j (needs the same size for s and h_j, no parameters).</summary>
    Dot,
    /// <summary>Luong general (multiplicative): e_j = s^T W_a h_j.</summary>
    General,
}

/// <summary>
/// Attention over the encoder states: score every source position against the decoder's state,
/// turn the scores into weights with a softmax (α_j = exp(e_j) / Σ_k exp(e_k)), and return the
/// weighted average of the encoder states, the context vector c = Σ_j α_j h_j. The decoder gets a
/// fresh context at every step instead of one fixed summary of the whole input.
/// Shapes: query s [B, Hq], keys h [B, S, Hk], mask [B, S] (true where a position is real).
/// </summary>
public sealed class Seq2SeqAttention : nn.Module
{
    readonly Linear? queryProjection;   // W_s (additive)
    readonly Linear? keyProjection;     // W_h (additive) or W_a (general)
    readonly Linear? energy;            // v (additive)

    public AttentionScore Score { get; }
    public int QuerySize { get; }
    public int KeySize { get; }

    public Seq2SeqAttention(AttentionScore score, int querySize, int keySize, int attentionSize = 64, Device? device = null) : base(nameof(Seq2SeqAttention))
    {
        if (querySize < 1 || keySize < 1 || attentionSize < 1)
            throw new ArgumentException($"Sizes must be at least 1; got query {querySize}, key {keySize}, attention {attentionSize}.", nameof(querySize));
        if (score == AttentionScore.Dot && querySize != keySize)
            throw new ArgumentException($"Dot-product attention needs the query and key sizes equal; got {querySize} and {keySize}.", nameof(keySize));
        (Score, QuerySize, KeySize) = (score, querySize, keySize);
        switch (score)
        {
            case AttentionScore.Additive:
                queryProjection = nn.Linear(querySize, attentionSize, hasBias: false, device: device);
                keyProjection = nn.Linear(keySize, attentionSize, hasBias: false, device: device);
                energy = nn.Linear(attentionSize, 1, hasBias: false, device: device);
                break;
            case AttentionScore.General:
                keyProjection = nn.Linear(keySize, querySize, hasBias: false, device: device);
                break;
        }
        RegisterComponents();
    }

    /// <summary>
    /// The part of the score that depends only on the keys (W_h h_j for additive, W_a h_j for general,
    /// h_j itself for dot). A decoder computes it once per source and passes it to every step.
    /// </summary>
    public Tensor ProjectKeys(Tensor keys)
    {
        if (keys.ndim != 3 || keys.shape[2] != KeySize)
            throw new ArgumentException($"keys must be [B, S, {KeySize}]; got {ShapeText.Of(keys)}.", nameof(keys));
        return Score == AttentionScore.Dot ? keys.alias() : keyProjection!.call(keys);
    }

    /// <summary>The alignment scores e [B, S] (before the softmax); <paramref name="projectedKeys"/> from <see cref="ProjectKeys"/> saves recomputing it.</summary>
    public Tensor Scores(Tensor query, Tensor keys, Tensor? projectedKeys = null)
    {
        Check(query, keys, null);
        using var scope = NewDisposeScope();
        var projected = projectedKeys ?? ProjectKeys(keys);
        Tensor e = Score switch
        {
            // e_j = v^T tanh(W_s s + W_h h_j)
            AttentionScore.Additive => energy!.call(queryProjection!.call(query).unsqueeze(1).add(projected).tanh()).squeeze(2),
            // e_j = s^T h_j (dot) or s^T (W_a h_j) (general): one batched product [B, S, H] x [B, H, 1]
            _ => projected.bmm(query.unsqueeze(2)).squeeze(2),
        };
        return scope.MoveToOuter(e);
    }

    /// <summary>The context c [B, Hk] and the weights α [B, S] (zero where <paramref name="mask"/> is false).</summary>
    public (Tensor Context, Tensor Weights) Attend(Tensor query, Tensor keys, Tensor? mask = null, Tensor? projectedKeys = null)
    {
        Check(query, keys, mask);
        using var scope = NewDisposeScope();
        var e = Scores(query, keys, projectedKeys);
        if (mask is not null) e = e.masked_fill(mask.logical_not(), double.NegativeInfinity);   // padding gets exp(-inf) = 0
        var alpha = e.softmax(1);                                   // α_j = exp(e_j) / Σ_k exp(e_k)
        var context = alpha.unsqueeze(1).bmm(keys).squeeze(1);      // c = Σ_j α_j h_j
        return (context.MoveToOuterDisposeScope(), alpha.MoveToOuterDisposeScope());
    }

    void Check(Tensor query, Tensor keys, Tensor? mask)
    {
        if (query.ndim != 2 || query.shape[1] != QuerySize)
            throw new ArgumentException($"query must be [B, {QuerySize}]; got {ShapeText.Of(query)}.", nameof(query));
        if (keys.ndim != 3 || keys.shape[0] != query.shape[0] || keys.shape[2] != KeySize)
            throw new ArgumentException($"keys must be [B, S, {KeySize}] with B = {query.shape[0]} as in query {ShapeText.Of(query)}; got {ShapeText.Of(keys)}.", nameof(keys));
        if (mask is not null && (mask.ndim != 2 || mask.shape[0] != keys.shape[0] || mask.shape[1] != keys.shape[1]))
            throw new ArgumentException($"mask must be [B, S] = [{keys.shape[0]}, {keys.shape[1]}] for keys {ShapeText.Of(keys)}; got {ShapeText.Of(mask)}.", nameof(mask));
    }
}
