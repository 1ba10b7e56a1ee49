using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using TorchSharp;

namespace GenAI.Tests;

// The devcontainer cannot be built here (no Docker engine), so these tests check what can be
// checked without one: the JSON is valid JSON-with-comments as VS Code reads it, it names the
// images, extensions and GPU settings the README promises, and every script or project that
// its commands and the Dockerfile run exists in the repository. The doctor, which the
// post-create step runs, is run here for real: on this CPU-only machine it must take the
// CPU fallback, and on a GPU machine the CUDA check.
public class DevcontainerTests
{
    static readonly string Root = FindRepositoryRoot();
    static readonly string Folder = Path.Combine(Root, ".devcontainer");

    static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Notebooks.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No Notebooks.sln above {AppContext.BaseDirectory}.");
    }

    static JsonElement ReadConfig()
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "devcontainer.json")), options);
        return document.RootElement.Clone();
    }

    static string Dockerfile => File.ReadAllText(Path.Combine(Folder, ReadConfig().GetProperty("build").GetProperty("dockerfile").GetString()!));

    [Fact]
    public void Build_names_a_dockerfile_beside_it_and_the_repository_root_as_context()
    {
        var build = ReadConfig().GetProperty("build");
        Assert.True(File.Exists(Path.Combine(Folder, build.GetProperty("dockerfile").GetString()!)));
        var context = Path.GetFullPath(Path.Combine(Folder, build.GetProperty("context").GetString()!));
        Assert.Equal(Path.TrimEndingDirectorySeparator(Root), Path.TrimEndingDirectorySeparator(context));
    }

    [Fact]
    public void Image_is_an_nvidia_cuda_devel_image_with_the_dotnet_10_sdk()
    {
        var bases = Regex.Matches(Dockerfile, @"^FROM\s+(\S+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        // The last stage is the container; its base carries CUDA, cuDNN and the compilers CMake needs.
        Assert.Matches(@"^nvidia/cuda:12\.\d+\.\d+-cudnn-devel-ubuntu2[24]\.04$", bases[^1]);
        Assert.Contains(bases, b => Regex.IsMatch(b, @"^mcr\.microsoft\.com/dotnet/sdk:10\.0-noble$"));
        // Both stages must be the same Ubuntu release, or the copied SDK misses its libraries.
        Assert.EndsWith("ubuntu24.04", bases[^1]);
    }

    [Fact]
    public void Libtorch_is_a_cuda_build_of_pytorch_2_named_by_LIBTORCH()
    {
        var dockerfile = Dockerfile;
        Assert.Matches(@"ARG TORCH_VERSION=2\.\d+\.\d+", dockerfile);
        Assert.Matches(@"--index-url https://download\.pytorch\.org/whl/cu12\d", dockerfile);
        var libtorch = Regex.Match(dockerfile, @"^ENV LIBTORCH=(\S+)$", RegexOptions.Multiline);
        Assert.True(libtorch.Success, "the Dockerfile sets LIBTORCH");
        // The venv the wheel goes into and the path LIBTORCH names must agree.
        Assert.StartsWith("/opt/torch/lib/python3.12/site-packages/torch", libtorch.Groups[1].Value);
        Assert.Contains("python3 -m venv /opt/torch", dockerfile);
    }

    [Fact]
    public void Extensions_are_the_csharp_and_polyglot_notebooks_ones()
    {
        var extensions = ReadConfig().GetProperty("customizations").GetProperty("vscode").GetProperty("extensions")
            .EnumerateArray().Select(e => e.GetString()).ToHashSet();
        Assert.Equal(
            new HashSet<string?> { "ms-dotnettools.csharp", "ms-dotnettools.csdevkit", "ms-dotnettools.dotnet-interactive-vscode" },
            extensions);
    }

    [Fact]
    public void Gpu_is_requested_but_optional()
    {
        var config = ReadConfig();
        Assert.Equal("optional", config.GetProperty("hostRequirements").GetProperty("gpu").GetString());
        var runArgs = config.GetProperty("runArgs").EnumerateArray().Select(a => a.GetString()).ToList();
        var gpus = runArgs.IndexOf("--gpus");
        Assert.True(gpus >= 0 && gpus + 1 < runArgs.Count, "runArgs has --gpus with a value");
        Assert.Equal("all", runArgs[gpus + 1]);
    }

    [Fact]
    public void Post_create_runs_the_ci_setup_script_then_the_doctor_project()
    {
        var command = ReadConfig().GetProperty("postCreateCommand").GetString()!;
        Assert.StartsWith("bash scripts/setup.sh", command);
        AssertScriptsExist(command);
        var projects = Regex.Matches(command, @"--project\s+(\S+)").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["tools/GenAI.Doctor"], projects);
        Assert.True(File.Exists(Path.Combine(Root, "tools/GenAI.Doctor/GenAI.Doctor.csproj")));
        // setup.sh builds the solution, so the doctor must be in it for `--no-build` to find it.
        Assert.Contains(@"tools\GenAI.Doctor\GenAI.Doctor.csproj", File.ReadAllText(Path.Combine(Root, "Notebooks.sln")));
    }

    [Fact]
    public void Dockerfile_builds_with_the_same_setup_script_as_ci()
    {
        var dockerfile = Dockerfile;
        Assert.Contains("bash /tmp/genai/scripts/build-shim.sh \"$LIBTORCH\"", dockerfile);
        Assert.Contains("bash /tmp/genai/scripts/setup.sh", dockerfile);
        AssertScriptsExist(dockerfile);
        // CI's entry point reaches the same script through build.sh.
        Assert.Contains("./build.sh test", File.ReadAllText(Path.Combine(Root, ".ci/run")));
        Assert.Contains("bash scripts/setup.sh", File.ReadAllText(Path.Combine(Root, "build.sh")));
    }

    static void AssertScriptsExist(string text)
    {
        var scripts = Regex.Matches(text, @"scripts/[\w.-]+\.sh").Select(m => m.Value).Distinct().ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
            Assert.True(File.Exists(Path.Combine(Root, script)), $"{script} is referenced but does not exist");
    }

    [Fact]
    public void Doctor_passes_and_says_which_device_it_chose()
    {
        var (exitCode, output) = RunDoctor("auto");
        Assert.True(exitCode == 0, $"doctor exited with {exitCode}:\n{output}");
        Assert.Matches(@"libtorch: \d+\.\d+", output);
        Assert.Contains("CPU matmul: [[1,2],[3,4]] @ [[5,6],[7,8]] = [[19,22],[43,50]] ok", output);
        if (torch.cuda.is_available())
            Assert.Matches(@"CUDA matmul 1024x1024 vs CPU: max \|difference\| \S+ \(ok\)", output);
        else
            Assert.Contains("no CUDA: running on CPU", output);
        Assert.Contains("doctor: all checks passed", output);
    }

    [Fact]
    public void Doctor_forced_onto_cpu_uses_the_cpu()
    {
        var (exitCode, output) = RunDoctor("cpu");
        Assert.True(exitCode == 0, $"doctor exited with {exitCode}:\n{output}");
        Assert.DoesNotContain("CUDA matmul", output);
        Assert.Contains(torch.cuda.is_available() ? "device: cpu (asked for \"cpu\"" : "no CUDA: running on CPU", output);
    }

    [Fact]
    public void Doctor_forced_onto_a_missing_gpu_fails_with_the_reason()
    {
        var (exitCode, output) = RunDoctor(torch.cuda.is_available() ? "cuda:64" : "cuda");
        Assert.Equal(2, exitCode);
        Assert.Contains("doctor: Device \"cuda", output);
        Assert.Contains("parameters cell", output.Replace("\n", " "));
    }

    [Fact]
    public void Doctor_rejects_an_unknown_device()
    {
        var (exitCode, output) = RunDoctor("tpu");
        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown device \"tpu\"", output);
    }

    // Runs the doctor the solution build produced (same configuration as this test assembly).
    static (int ExitCode, string Output) RunDoctor(string preference)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var doctor = Path.Combine(Root, "tools", "GenAI.Doctor", "bin", configuration, "net10.0", "GenAI.Doctor.dll");
        Assert.True(File.Exists(doctor), $"{doctor} is missing: build the solution first (scripts/setup.sh does)");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(doctor);
        start.ArgumentList.Add(preference);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "doctor did not finish in 2 minutes");
        return (process.ExitCode, output + errors.Result);
    }
}
