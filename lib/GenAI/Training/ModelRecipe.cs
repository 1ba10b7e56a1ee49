namespace GenAI.Training;

/// <summary>
/// A model's configuration together with how it is trained, as one configuration record for a
/// <see cref="CheckpointKey"/>: a notebook that trains a library model with its own settings (steps, batch,
/// learning rate, schedule) keys the checkpoint on both, with a type name that does not depend on the notebook's
/// cells (a record declared in a notebook cell is named after its submission). <paramref name="Training"/> is free
/// text, such as a training-options record's <c>ToString()</c>: two recipes are the same exactly when both parts are.
/// </summary>
public sealed record ModelRecipe<TConfig>(TConfig Model, string Training) where TConfig : notnull;
