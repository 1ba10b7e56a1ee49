using GenAI.Training;

namespace GenAI.Plotting;

public static partial class Chart
{
    /// <summary>The train (and validation, when recorded) loss curves of a finished run: what the live chart showed, drawn again (for a model loaded from a checkpoint, say).</summary>
    public static Figure LossCurves(LossHistory history, string title = "Training loss")
    {
        ArgumentNullException.ThrowIfNull(history);
        var traces = new List<Figure> { Line(history.Train.Select(p => p.Step), history.Train.Select(p => p.Loss), name: "train") };
        if (history.Validation.Count > 0)
            traces.Add(Line(history.Validation.Select(p => p.Step), history.Validation.Select(p => p.Loss), name: "validation"));
        return Combine(traces).WithTitle(title).WithXAxisTitle("step").WithYAxisTitle("loss");
    }
}
