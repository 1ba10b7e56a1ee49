using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// Zero-shot classification: no classifier is trained. Each class becomes a text ("a photo of the number {0}"), the text
/// tower embeds it, and an image is given the class whose text embedding is most similar to its own. With several
/// templates, a class's vector is the normalised mean of its templates' unit vectors (CLIP's prompt ensembling).
/// </summary>
public static class ZeroShotClassifier
{
    /// <summary>
    /// Class vectors [C, E]: for class c, normalise(mean_t normalise(encode(template_t with class name c))).
    /// </summary>
    /// <param name="encodeTexts">Texts to vectors [N, E] (any text tower: the course's, or a frozen one behind a projection).</param>
    /// <param name="classNames">The C names, in label order.</param>
    /// <param name="templates">Format strings with {0} where the name goes ("{0}" is the bare name).</param>
    public static Tensor ClassEmbeddings(Func<IReadOnlyList<string>, Tensor> encodeTexts, IReadOnlyList<string> classNames, IReadOnlyList<string> templates)
    {
        ArgumentNullException.ThrowIfNull(encodeTexts);
        if (classNames is null || classNames.Count == 0) throw new ArgumentException("give at least one class name.", nameof(classNames));
        if (templates is null || templates.Count == 0) throw new ArgumentException("give at least one template.", nameof(templates));
        foreach (var t in templates)
            if (!t.Contains("{0}")) throw new ArgumentException($"every template needs {{0}} where the class name goes; got \"{t}\".", nameof(templates));
        var texts = classNames.SelectMany(name => templates.Select(t => string.Format(t, name))).ToList();   // class-major
        using var scope = NewDisposeScope();
        var z = encodeTexts(texts);
        if (z.ndim != 2 || z.shape[0] != texts.Count)
            throw new ArgumentException($"encodeTexts must return [{texts.Count}, E] for {texts.Count} texts; got {ShapeText.Of(z)}.", nameof(encodeTexts));
        var unit = nn.functional.normalize(z.to(ScalarType.Float32), p: 2, dim: 1);
        var mean = unit.view(classNames.Count, templates.Count, -1).mean([1]);
        return scope.MoveToOuter(nn.functional.normalize(mean, p: 2, dim: 1));
    }

    /// <summary>Cosine scores [N, C] of image vectors [N, E] against class vectors [C, E].</summary>
    public static Tensor Scores(Tensor imageEmbeddings, Tensor classEmbeddings)
    {
        if (imageEmbeddings.ndim != 2 || classEmbeddings.ndim != 2 || imageEmbeddings.shape[1] != classEmbeddings.shape[1])
            throw new ArgumentException($"image vectors [N, E] and class vectors [C, E] must share E; got {ShapeText.Of(imageEmbeddings)} and {ShapeText.Of(classEmbeddings)}.");
        using var scope = NewDisposeScope();
        var i = nn.functional.normalize(imageEmbeddings, p: 2, dim: 1);
        var c = nn.functional.normalize(classEmbeddings.to(i.dtype), p: 2, dim: 1);
        return scope.MoveToOuter(i.mm(c.t()));
    }

    /// <summary>The predicted class [N] (int64): the most similar class vector.</summary>
    public static Tensor Predict(Tensor imageEmbeddings, Tensor classEmbeddings)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(Scores(imageEmbeddings, classEmbeddings).argmax(1));
    }

    /// <summary>Accuracy of <see cref="Predict"/> against labels [N].</summary>
    public static double Accuracy(Tensor imageEmbeddings, Tensor classEmbeddings, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var predicted = Predict(imageEmbeddings, classEmbeddings);
        if (labels.ndim != 1 || labels.shape[0] != predicted.shape[0])
            throw new ArgumentException($"labels must be [{predicted.shape[0]}]; got {ShapeText.Of(labels)}.", nameof(labels));
        return predicted.eq(labels.to(predicted.device)).to(ScalarType.Float64).mean().item<double>();
    }
}
