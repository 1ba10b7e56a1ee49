namespace GenAI.Training;

/// <summary>How long to train and how often to look at the model.</summary>
/// <param name="Steps">Total optimiser steps (a resumed run counts the steps already done).</param>
/// <param name="EvalEvery">Record the mean train loss, evaluate on validation data and update the chart (or print a line) every this many steps.</param>
/// <param name="CheckpointFolder">Where to save (and resume from) checkpoints; null means no checkpoints.</param>
/// <param name="CheckpointEvery">Save a checkpoint every this many steps (0: only at the end); needs <see cref="CheckpointFolder"/>.</param>
/// <param name="Title">Title of the live loss chart.</param>
/// <param name="Quiet">Show nothing: no chart, no printed lines (tests).</param>
public sealed record TrainingOptions(int Steps, int EvalEvery = 100, string? CheckpointFolder = null, int CheckpointEvery = 0, string Title = "Training loss", bool Quiet = false)
{
    internal void Validate()
    {
        if (Steps < 0) throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "Steps cannot be negative.");
        if (EvalEvery < 1) throw new ArgumentOutOfRangeException(nameof(EvalEvery), EvalEvery, "EvalEvery must be at least 1.");
        if (CheckpointEvery < 0) throw new ArgumentOutOfRangeException(nameof(CheckpointEvery), CheckpointEvery, "CheckpointEvery cannot be negative.");
        if (CheckpointEvery > 0 && CheckpointFolder is null)
            throw new ArgumentException("CheckpointEvery is set but CheckpointFolder is not: say where checkpoints go.");
    }
}
