using System.Text.Json;
using TorchSharp;
using TorchSharp.Modules;

namespace GenAI.Training;

/// <summary>Where a run stood when it was saved: the number of optimiser steps taken and the loss curves so far.</summary>
public sealed record TrainingState(int Step, LossHistory History);

/// <summary>
/// Saves and restores a training run in a folder: the module's parameters (model.bin), the
/// optimiser's state such as Adam's moment estimates (optimizer.bin), and the step count with
/// the loss history (state.json). Resuming from it continues the run as if it had never stopped.
/// </summary>
public static class Checkpoint
{
    const string ModelFile = "model.bin", OptimizerFile = "optimizer.bin", StateFile = "state.json";

    static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>True when <paramref name="folder"/> holds a complete checkpoint.</summary>
    public static bool Exists(string folder) =>
        File.Exists(Path.Combine(folder, ModelFile)) && File.Exists(Path.Combine(folder, StateFile));

    public static void Save(string folder, torch.nn.Module model, torch.optim.Optimizer optimizer, TrainingState state)
    {
        Directory.CreateDirectory(folder);
        model.save(Path.Combine(folder, ModelFile));
        if (optimizer is OptimizerHelper withState)
            withState.save_state_dict(Path.Combine(folder, OptimizerFile));
        // Written last: a folder with state.json holds a finished checkpoint.
        File.WriteAllText(Path.Combine(folder, StateFile), JsonSerializer.Serialize(state, Json));
    }

    /// <summary>Load the checkpoint in <paramref name="folder"/> into <paramref name="model"/> and <paramref name="optimizer"/>.</summary>
    public static TrainingState Load(string folder, torch.nn.Module model, torch.optim.Optimizer optimizer)
    {
        if (!Exists(folder))
            throw new FileNotFoundException($"No checkpoint in '{folder}': expected {ModelFile} and {StateFile} there.", Path.Combine(folder, StateFile));
        TrainingState? state;
        try
        {
            state = JsonSerializer.Deserialize<TrainingState>(File.ReadAllText(Path.Combine(folder, StateFile)), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Checkpoint file '{Path.Combine(folder, StateFile)}' is not valid: {e.Message}", e);
        }
        if (state is null || state.Step < 0 || state.History is null)
            throw new InvalidDataException($"Checkpoint file '{Path.Combine(folder, StateFile)}' does not hold a step and a loss history.");
        model.load(Path.Combine(folder, ModelFile));
        var optimizerPath = Path.Combine(folder, OptimizerFile);
        if (optimizer is OptimizerHelper withState)
        {
            if (!File.Exists(optimizerPath))
                throw new FileNotFoundException($"Checkpoint in '{folder}' has no {OptimizerFile}: the optimiser's state cannot be restored.", optimizerPath);
            withState.load_state_dict(optimizerPath);
        }
        return state;
    }
}
