using System.Text.Json.Serialization;

namespace GenAI.Training;

/// <summary>One point of a loss curve.</summary>
public sealed record LossPoint(int Step, double Loss);

/// <summary>
/// Train and validation loss curves of one training run. A train point is the mean loss of the
/// steps since the previous point; a validation point is one evaluation on held-out data.
/// </summary>
public sealed record LossHistory(List<LossPoint> Train, List<LossPoint> Validation)
{
    public LossHistory() : this([], []) { }

    /// <summary>The last train loss, or NaN before the first point.</summary>
    [JsonIgnore]
    public double LastTrain => Train.Count > 0 ? Train[^1].Loss : double.NaN;

    /// <summary>The last validation loss, or NaN before the first evaluation.</summary>
    [JsonIgnore]
    public double LastValidation => Validation.Count > 0 ? Validation[^1].Loss : double.NaN;

    /// <summary>The lowest validation loss so far, or NaN.</summary>
    [JsonIgnore]
    public double BestValidation => Validation.Count > 0 ? Validation.Min(p => p.Loss) : double.NaN;
}
