using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>Which part of the shared vocabulary a generation step may pick from.</summary>
public enum Modality { Text, Image }

/// <summary>
/// The Gato idea on a toy: every modality becomes tokens of one vocabulary, and one autoregressive transformer models the
/// single stream. Ids 0..TextVocabSize-1 are text tokens; the next <c>Levels</c> ids are quantised grey levels (one token
/// per pixel); then two markers, &lt;img&gt; and &lt;txt&gt;, announce what follows. "Caption" sequences are
/// &lt;img&gt; pixels &lt;txt&gt; text, "draw" sequences are &lt;txt&gt; text &lt;img&gt; pixels: the same model learns both
/// directions, and generation restricts each step to the modality the stream is in.
/// </summary>
public sealed class MixedTokenStream
{
    public MixedTokenStream(int textVocabSize, int levels, int pixels)
    {
        if (textVocabSize < 1) throw new ArgumentOutOfRangeException(nameof(textVocabSize), textVocabSize, "textVocabSize must be at least 1.");
        if (levels < 2) throw new ArgumentOutOfRangeException(nameof(levels), levels, "levels must be at least 2.");
        if (pixels < 1) throw new ArgumentOutOfRangeException(nameof(pixels), pixels, "pixels must be at least 1.");
        (TextVocabSize, Levels, Pixels) = (textVocabSize, levels, pixels);
    }

    public int TextVocabSize { get; }
    public int Levels { get; }
    public int Pixels { get; }
    /// <summary>The id of grey level 0.</summary>
    public long ImageOffset => TextVocabSize;
    public long ImageMarker => TextVocabSize + Levels;
    public long TextMarker => TextVocabSize + Levels + 1;
    /// <summary>Text tokens + grey levels + 2 markers.</summary>
    public int VocabSize => TextVocabSize + Levels + 2;

    /// <summary>Grey levels int64 [N, P] for pixels [N, P] in [0, 1]: round(x (L − 1)), clamped to 0..L−1.</summary>
    public Tensor Quantise(Tensor pixels)
    {
        CheckPixels(pixels);
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(pixels.mul(Levels - 1).round().clamp(0, Levels - 1).to(ScalarType.Int64));
    }

    /// <summary>Pixels float32 in [0, 1] for grey levels: level / (L − 1).</summary>
    public Tensor Dequantise(Tensor levels)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(levels.to(ScalarType.Float32).div(Levels - 1));
    }

    /// <summary>&lt;img&gt; pixel tokens &lt;txt&gt; text: int64 [N, P + 2 + T] for pixels [N, P] and text ids [N, T].</summary>
    public Tensor CaptionSequences(Tensor pixels, Tensor textIds) => Build(pixels, textIds, imageFirst: true);

    /// <summary>&lt;txt&gt; text &lt;img&gt; pixel tokens: int64 [N, T + 2 + P].</summary>
    public Tensor DrawSequences(Tensor textIds, Tensor pixels) => Build(pixels, textIds, imageFirst: false);

    Tensor Build(Tensor pixels, Tensor textIds, bool imageFirst)
    {
        CheckPixels(pixels);
        if (textIds.ndim != 2 || textIds.shape[0] != pixels.shape[0] || textIds.dtype != ScalarType.Int64)
            throw new ArgumentException($"textIds must be int64 [{pixels.shape[0]}, T]; got {textIds.dtype} {ShapeText.Of(textIds)}.", nameof(textIds));
        if (textIds.numel() > 0 && (textIds.min().item<long>() < 0 || textIds.max().item<long>() >= TextVocabSize))
            throw new ArgumentException($"text ids must lie in 0..{TextVocabSize - 1}.", nameof(textIds));
        using var scope = NewDisposeScope();
        long n = pixels.shape[0];
        var imageTokens = Quantise(pixels).add(ImageOffset);
        var img = full(n, 1, ImageMarker, dtype: ScalarType.Int64, device: pixels.device);
        var txt = full(n, 1, TextMarker, dtype: ScalarType.Int64, device: pixels.device);
        var ids = textIds.to(pixels.device);
        var seq = imageFirst ? cat([img, imageTokens, txt, ids], 1) : cat([txt, ids, img, imageTokens], 1);
        return scope.MoveToOuter(seq);
    }

    /// <summary>Logits [V] with every id outside <paramref name="modality"/>'s range set to −∞.</summary>
    public Tensor Restrict(Tensor logits, Modality modality)
    {
        if (logits.ndim != 1 || logits.shape[0] != VocabSize)
            throw new ArgumentException($"logits must be [{VocabSize}]; got {ShapeText.Of(logits)}.", nameof(logits));
        using var scope = NewDisposeScope();
        var ids = arange(VocabSize, dtype: ScalarType.Int64, device: logits.device);
        var allowed = modality == Modality.Text ? ids.lt(TextVocabSize) : ids.ge(ImageOffset).logical_and(ids.lt(ImageMarker));
        return scope.MoveToOuter(logits.masked_fill(allowed.logical_not(), double.NegativeInfinity));
    }

    /// <summary>
    /// Greedily continues <paramref name="prompt"/> by <paramref name="count"/> tokens of one modality, asking
    /// <paramref name="nextTokenLogits"/> (a language model over this vocabulary, e.g. <c>Gpt.NextTokenLogits</c>) each step.
    /// </summary>
    public long[] Generate(Func<IReadOnlyList<long>, Tensor> nextTokenLogits, IReadOnlyList<long> prompt, int count, Modality modality)
    {
        ArgumentNullException.ThrowIfNull(nextTokenLogits);
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "count cannot be negative.");
        var sequence = new List<long>(prompt);
        var generated = new long[count];
        for (int i = 0; i < count; i++)
        {
            using var scope = NewDisposeScope();
            generated[i] = Restrict(nextTokenLogits(sequence), modality).argmax().item<long>();
            sequence.Add(generated[i]);
        }
        return generated;
    }

    /// <summary>Pixels float32 [P] in [0, 1] for P generated image tokens.</summary>
    public Tensor TokensToPixels(IReadOnlyList<long> imageTokens)
    {
        foreach (var id in imageTokens)
            if (id < ImageOffset || id >= ImageMarker)
                throw new ArgumentException($"{id} is not an image token (image tokens are {ImageOffset}..{ImageMarker - 1}).", nameof(imageTokens));
        using var scope = NewDisposeScope();
        var levels = tensor(imageTokens.Select(id => id - ImageOffset).ToArray(), ScalarType.Int64);
        return scope.MoveToOuter(Dequantise(levels));
    }

    void CheckPixels(Tensor pixels)
    {
        if (pixels.ndim != 2 || pixels.shape[1] != Pixels || !pixels.is_floating_point())
            throw new ArgumentException($"pixels must be floating point [N, {Pixels}] in [0, 1]; got {pixels.dtype} {ShapeText.Of(pixels)}.", nameof(pixels));
    }
}
