using TorchSharp;

namespace GenAI;

/// <summary>
/// Chooses the device that notebooks and models run on. Every notebook's parameters cell
/// declares <c>string device = "auto";</c> and passes it here, so a learner (or CI, with
/// <c>--param device=cpu</c>) can force the CPU on a machine that has a GPU.
/// </summary>
public static class Devices
{
    /// <summary>
    /// "auto" (or empty): CUDA when libtorch sees a GPU, else the CPU.
    /// "cpu": the CPU. "cuda" or "cuda:N": that GPU, and an error if there is none.
    /// Case and surrounding spaces do not matter.
    /// </summary>
    public static torch.Device Pick(string preference = "auto")
    {
        ArgumentNullException.ThrowIfNull(preference);
        var text = preference.Trim().ToLowerInvariant();
        switch (text)
        {
            case "" or "auto":
                return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
            case "cpu":
                return torch.CPU;
            case "cuda":
                RequireCuda(preference, index: 0);
                return torch.CUDA;
        }
        if (text.StartsWith("cuda:", StringComparison.Ordinal))
        {
            var indexText = text["cuda:".Length..];
            if (!int.TryParse(indexText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
                throw new ArgumentException(
                    $"Device \"{preference}\": the GPU index after \"cuda:\" must be a whole number such as cuda:0.",
                    nameof(preference));
            RequireCuda(preference, index);
            return new torch.Device(DeviceType.CUDA, index);
        }
        throw new ArgumentException(
            $"Unknown device \"{preference}\": use \"auto\", \"cpu\", \"cuda\" or \"cuda:N\".", nameof(preference));
    }

    // A forced GPU that is not there must fail here, with a message that says what to change,
    // rather than later inside some tensor operation.
    static void RequireCuda(string preference, int index)
    {
        if (!torch.cuda.is_available())
            throw new InvalidOperationException(
                $"Device \"{preference}\" was asked for, but CUDA is not available here " +
                "(torch.cuda.is_available() is false: no NVIDIA GPU or driver is visible, or the engine " +
                "was built against a CPU-only libtorch). Set device = \"auto\" or \"cpu\" in the parameters cell.");
        var count = torch.cuda.device_count();
        if (index >= count)
            throw new InvalidOperationException(
                $"Device \"{preference}\" was asked for, but there {(count == 1 ? "is 1 CUDA device" : $"are {count} CUDA devices")} " +
                $"(indices 0 to {count - 1}).");
    }
}
