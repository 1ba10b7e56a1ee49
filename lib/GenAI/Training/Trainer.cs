using GenAI.Plotting;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Training;

/// <summary>
/// The training loop every notebook repeats, written once: for each step, zero the gradients,
/// compute the loss, backpropagate, update; every <c>EvalEvery</c> steps record the losses,
/// and show them (a live loss chart in a notebook, printed lines elsewhere). Each step runs inside a dispose scope, so the tensors a step
/// makes are freed when it ends and memory stays flat however long the run.
/// </summary>
public sealed class Trainer
{
    readonly nn.Module model;
    readonly optim.Optimizer optimizer;
    readonly TrainingOptions options;

    public Trainer(nn.Module model, optim.Optimizer optimizer, TrainingOptions options)
    {
        options.Validate();
        this.model = model;
        this.optimizer = optimizer;
        this.options = options;
    }

    /// <summary>Optimiser steps taken so far (including those restored from a checkpoint).</summary>
    public int Step { get; private set; }

    public LossHistory History { get; private set; } = new();

    /// <summary>Called after every evaluation with the history so far.</summary>
    public event Action<LossHistory>? Evaluated;

    /// <summary>
    /// Train until <c>Steps</c> steps are done. If the checkpoint folder holds a checkpoint, the
    /// run resumes from it: parameters, optimiser state, step count and history.
    /// </summary>
    /// <param name="trainLoss">Computes the loss of one mini-batch (the model in train mode, gradients on).</param>
    /// <param name="validationLoss">Mean loss on held-out data (called in eval mode, without gradients); null to skip.</param>
    public LossHistory Run(Func<Tensor> trainLoss, Func<double>? validationLoss = null)
    {
        if (options.CheckpointFolder is string folder && Checkpoint.Exists(folder))
        {
            var restored = Checkpoint.Load(folder, model, optimizer);
            (Step, History) = (restored.Step, restored.History);
            if (!options.Quiet) Console.WriteLine($"resumed from '{folder}' at step {Step}");
        }

        var progress = options.Quiet || Step >= options.Steps ? null
            : new TrainingProgress(options.Steps, options.Title, printEvery: options.EvalEvery);
        // A resumed run redraws the curve it continues.
        foreach (var point in History.Train)
            progress?.Report(point.Step, point.Loss, History.Validation.FirstOrDefault(v => v.Step == point.Step)?.Loss);
        double lossSum = 0;
        int lossCount = 0;
        model.train();
        while (Step < options.Steps)
        {
            using (var scope = NewDisposeScope())
            {
                optimizer.zero_grad();
                var loss = trainLoss();
                // A per-example loss (reduction: none) would otherwise stop at item() with
                // "Number of elements in the tensor must be 1", naming neither the shape nor the cause.
                if (loss.numel() != 1)
                    throw new ArgumentException(
                        $"trainLoss must return the mini-batch loss as one number; at step {Step + 1} it returned a tensor of shape {ShapeText.Of(loss)}. Reduce it, for example with .mean().",
                        nameof(trainLoss));
                double value = loss.detach().to(ScalarType.Float64).item<double>();
                // Stop before a NaN or infinite loss reaches the weights through the update.
                if (!double.IsFinite(value))
                    throw new InvalidOperationException($"The training loss became {value} at step {Step + 1}: lower the learning rate or check the data.");
                loss.backward();
                optimizer.step();
                lossSum += value;
                lossCount++;
            }
            Step++;

            bool last = Step == options.Steps;
            if (Step % options.EvalEvery == 0 || last)
            {
                History.Train.Add(new LossPoint(Step, lossSum / lossCount));
                (lossSum, lossCount) = (0, 0);
                if (validationLoss is not null) History.Validation.Add(new LossPoint(Step, Evaluate(validationLoss)));
                progress?.Report(Step, History.LastTrain, validationLoss is null ? null : History.LastValidation);
                Evaluated?.Invoke(History);
            }
            if (options.CheckpointFolder is string target && ((options.CheckpointEvery > 0 && Step % options.CheckpointEvery == 0) || last))
                Checkpoint.Save(target, model, optimizer, new TrainingState(Step, History));
        }
        progress?.Complete();
        return History;
    }

    double Evaluate(Func<double> validationLoss)
    {
        model.eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            return validationLoss();
        }
        finally
        {
            model.train();
        }
    }
}
