using System.Buffers.Binary;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using GenAI.Tests.Browser;
using TorchSharp;

namespace GenAI.Tests;

// The devcontainer cannot be built here (no Docker engine, and TorchSharp-cuda-linux is not served by
// this machine's package source), so these tests check what can be checked without one: the JSON is
// valid JSON-with-comments as VS Code reads it; the image is NVIDIA's CUDA image for the CUDA version
// TorchSharp's CUDA package is built for, with the .NET 10 SDK; the image turns the CUDA switch on,
// and MSBuild, evaluating lib/GenAI with that switch (no restore), asks for TorchSharp-cuda-linux;
// every script or project its commands run exists. The doctor, which the post-create step runs,
// is run here for real: on this CPU-only machine it must take the CPU fallback, on a GPU machine
// the CUDA check.
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

    // The Dockerfile's instructions, without comments, with continuation lines joined.
    static List<string> DockerInstructions()
    {
        var lines = Dockerfile.Split('\n').Where(l => !l.TrimStart().StartsWith('#')).Select(l => l.TrimEnd());
        return string.Join("\n", lines).Replace("\\\n", " ").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToList();
    }

    static string PackageVersion(string package) =>
        XDocument.Load(Path.Combine(Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(e => (string?)e.Attribute("Include") == package).Attribute("Version")!.Value;

    [Fact]
    public void Build_names_a_dockerfile_beside_it_and_the_repository_root_as_context()
    {
        var build = ReadConfig().GetProperty("build");
        Assert.True(File.Exists(Path.Combine(Folder, build.GetProperty("dockerfile").GetString()!)));
        var context = Path.GetFullPath(Path.Combine(Folder, build.GetProperty("context").GetString()!));
        Assert.Equal(Path.TrimEndingDirectorySeparator(Root), Path.TrimEndingDirectorySeparator(context));
    }

    [Fact]
    public void Image_is_nvidias_cuda_image_for_torchsharps_cuda_version_with_the_dotnet_10_sdk()
    {
        var instructions = DockerInstructions();
        var bases = instructions.Select(l => Regex.Match(l, @"^FROM\s+(\S+)(\s+AS\s+(\S+))?$", RegexOptions.IgnoreCase))
            .Where(m => m.Success).ToList();
        // The last stage is the container: NVIDIA's CUDA + cuDNN image, runtime flavour (nothing compiles).
        var image = Regex.Match(bases[^1].Groups[1].Value, @"^nvidia/cuda:(\d+\.\d+)\.\d+-cudnn-runtime-ubuntu24\.04$");
        Assert.True(image.Success, $"the container's image is {bases[^1].Groups[1].Value}");
        // TorchSharp-cuda-linux ships libtorch built for one CUDA version (a constant in TorchSharp.dll,
        // the same for its CPU and CUDA packages); the image's CUDA must be that one.
        var cudaVersion = typeof(torch).GetField("cudaVersion", BindingFlags.NonPublic | BindingFlags.Static)?.GetRawConstantValue() as string;
        Assert.NotNull(cudaVersion);
        Assert.Equal(cudaVersion, image.Groups[1].Value);
        // The SDK comes from Microsoft's image on the same Ubuntu release (noble = 24.04), or the copied
        // SDK misses its libraries.
        var sdk = Assert.Single(bases, b => b.Groups[1].Value == "mcr.microsoft.com/dotnet/sdk:10.0-noble");
        var stage = sdk.Groups[3].Value;
        Assert.False(string.IsNullOrEmpty(stage), "the SDK stage is named");
        Assert.Contains($"COPY --from={stage} /usr/share/dotnet /usr/share/dotnet", instructions);
    }

    [Fact]
    public void Image_installs_no_python_libtorch_and_builds_no_shim()
    {
        // TorchSharp-cuda-linux brings libtorch and the CUDA libraries; a second libtorch on the loader
        // path would even win over the package's (shared/DESIGN.md).
        var instructions = string.Join("\n", DockerInstructions());
        foreach (var gone in new[] { "pip ", "venv", "download.pytorch.org", "LIBTORCH", "LD_LIBRARY_PATH", "TORCH_CUDA_ARCH_LIST", "build-shim", "cmake", "g++", "libtorch" })
            Assert.DoesNotContain(gone, instructions);
    }

    [Fact]
    public void Image_turns_the_cuda_switch_on_before_it_builds()
    {
        var instructions = DockerInstructions();
        var env = instructions.FindIndex(l => Regex.IsMatch(l, @"^ENV\s+TorchBackend=cuda$"));
        Assert.True(env >= 0, "the Dockerfile has ENV TorchBackend=cuda");
        var setup = instructions.FindIndex(l => l.StartsWith("RUN ") && l.Contains("scripts/setup.sh"));
        Assert.True(setup > env, "ENV TorchBackend=cuda comes before the RUN of scripts/setup.sh, so the image's build (and NuGet cache) is the CUDA one");
    }

    // What MSBuild evaluates lib/GenAI's PackageReference items to, without restoring anything: exactly
    // what the container's builds would restore. TorchBackend is taken out of the inherited environment
    // (and MSBuild's own variables, which the test host may set), then set as the case asks.
    static List<string> TorchSharpPackagesOfGenAI(string[] properties, string? environmentSwitch)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Root };
        foreach (var name in start.Environment.Keys.ToList())
            if (name.Equals("TorchBackend", StringComparison.OrdinalIgnoreCase) || name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase))
                start.Environment.Remove(name);
        if (environmentSwitch != null) start.Environment["TorchBackend"] = environmentSwitch;
        foreach (var argument in new[] { "msbuild", "lib/GenAI/GenAI.csproj", "-nologo", "-getItem:PackageReference" }.Concat(properties))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "dotnet msbuild did not finish in 2 minutes");
        Assert.True(process.ExitCode == 0, $"dotnet msbuild exited with {process.ExitCode}:\n{output}{errors.Result}");
        using var json = JsonDocument.Parse(output);
        var references = json.RootElement.GetProperty("Items").GetProperty("PackageReference").EnumerateArray()
            .Select(item => item.GetProperty("Identity").GetString()!).ToList();
        return references.Where(r => r.StartsWith("TorchSharp", StringComparison.OrdinalIgnoreCase)).ToList();
    }

    [Theory]
    [InlineData(new string[0], null, "TorchSharp-cpu")]
    [InlineData(new[] { "-p:TorchBackend=cpu" }, null, "TorchSharp-cpu")]
    [InlineData(new[] { "-p:TorchBackend=cuda" }, null, "TorchSharp-cuda-linux")]
    [InlineData(new string[0], "cuda", "TorchSharp-cuda-linux")]
    [InlineData(new[] { "-p:TorchBackend=cpu" }, "cuda", "TorchSharp-cpu")]
    public void Build_switch_asks_for_exactly_one_torchsharp_package(string[] properties, string? environmentSwitch, string expected)
    {
        // Never both: TorchSharp refuses a build with a CPU and a CUDA runtime package.
        Assert.Equal([expected], TorchSharpPackagesOfGenAI(properties, environmentSwitch));
    }

    [Fact]
    public void Switch_the_dockerfile_sets_selects_torchsharp_cuda_linux_at_the_cpu_packages_version()
    {
        // The value the image puts in the environment, read from the Dockerfile, goes through MSBuild
        // the way it does in the container.
        var value = Regex.Match(string.Join("\n", DockerInstructions()), @"^ENV\s+TorchBackend=(\S+)$", RegexOptions.Multiline);
        Assert.True(value.Success, "the Dockerfile sets TorchBackend");
        Assert.Equal(["TorchSharp-cuda-linux"], TorchSharpPackagesOfGenAI([], value.Groups[1].Value));
        // Central package management pins both; the same version means the same TorchSharp API on the GPU.
        Assert.Equal(PackageVersion("TorchSharp-cpu"), PackageVersion("TorchSharp-cuda-linux"));
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
        Assert.Equal("bash scripts/setup.sh && dotnet run --no-build --project tools/GenAI.Doctor -- auto", command);
        AssertScriptsExist(command);
        Assert.True(File.Exists(Path.Combine(Root, "tools/GenAI.Doctor/GenAI.Doctor.csproj")));
        // setup.sh builds the solution, so the doctor must be in it for `--no-build` to find it.
        Assert.Contains(@"tools\GenAI.Doctor\GenAI.Doctor.csproj", File.ReadAllText(Path.Combine(Root, "Notebooks.sln")));
    }

    [Fact]
    public void Dockerfile_builds_with_the_same_setup_script_as_ci()
    {
        var instructions = DockerInstructions();
        Assert.Contains("COPY . /tmp/genai", instructions);
        Assert.Contains(instructions, l => l.StartsWith("RUN bash /tmp/genai/scripts/setup.sh"));
        AssertScriptsExist(string.Join("\n", instructions));
        // CI's entry point reaches the same script through build.sh.
        Assert.Contains("./build.sh test", File.ReadAllText(Path.Combine(Root, ".ci/run")));
        Assert.Contains("bash scripts/setup.sh", File.ReadAllText(Path.Combine(Root, "build.sh")));
    }

    [Fact]
    public void Build_context_leaves_out_the_hosts_build_outputs()
    {
        // A host's bin/ and obj/ are TorchSharp-cpu builds; copied into the image they would be stale.
        var ignored = File.ReadAllLines(Path.Combine(Folder, "Dockerfile.dockerignore")).Select(l => l.Trim()).ToList();
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains("**/node_modules/", ignored);
    }

    [Fact]
    public void Image_puts_chromium_where_the_browser_tests_look_with_the_pinned_playwright()
    {
        var instructions = string.Join("\n", DockerInstructions());
        Assert.Contains($"ARG PLAYWRIGHT_VERSION={PackageVersion("Microsoft.Playwright")}", instructions);
        Assert.Contains("npx --yes \"playwright@${PLAYWRIGHT_VERSION}\" install --with-deps chromium", instructions);
        Assert.Matches($@"ln -s .*chrome.* {Regex.Escape(ChromiumBrowser.ChromiumPath)}\s", instructions);
    }

    static void AssertScriptsExist(string text)
    {
        var scripts = Regex.Matches(text, @"scripts/[\w.-]+\.sh").Select(m => m.Value).Distinct().ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
            Assert.True(File.Exists(Path.Combine(Root, script)), $"{script} is referenced but does not exist");
    }

    // ---- The doctor, run for real ----

    // The doctor's output folder: the test assembly's own folder, relative to its project, under
    // tools/GenAI.Doctor (same configuration, framework and runtime identifier).
    static string DoctorFolder
    {
        get
        {
            var relative = Path.GetRelativePath(Path.Combine(Root, "tests", "GenAI.Tests"), AppContext.BaseDirectory);
            var folder = Path.GetFullPath(Path.Combine(Root, "tools", "GenAI.Doctor", relative));
            Assert.True(File.Exists(Path.Combine(folder, "GenAI.Doctor.dll")), $"{folder}/GenAI.Doctor.dll is missing: build tools/GenAI.Doctor first (scripts/setup.sh does)");
            return folder;
        }
    }

    // Whether this build is the CUDA one: the tests and the doctor are built together (the doctor is a
    // project reference), with the same switch, and the test assembly's deps.json names its package.
    static bool DoctorIsCudaBuild
    {
        get
        {
            var deps = Path.Combine(AppContext.BaseDirectory, "GenAI.Tests.deps.json");
            using var json = JsonDocument.Parse(File.ReadAllText(deps));
            var packages = json.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name.Split('/')[0]).ToList();
            var cuda = packages.Contains("TorchSharp-cuda-linux");
            Assert.True(cuda ^ packages.Contains("TorchSharp-cpu"), $"{deps} names exactly one of TorchSharp-cpu and TorchSharp-cuda-linux");
            return cuda;
        }
    }

    static (int ExitCode, string Output) RunDoctor(string preference, string? folder = null, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(folder ?? DoctorFolder, "GenAI.Doctor.dll"));
        start.ArgumentList.Add(preference);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "doctor did not finish in 2 minutes");
        return (process.ExitCode, output + errors.Result);
    }

    [Fact]
    public void Doctor_passes_and_reports_the_engine_the_package_and_the_device()
    {
        var (exitCode, output) = RunDoctor("auto");
        Assert.True(exitCode == 0, $"doctor exited with {exitCode}:\n{output}");
        var version = PackageVersion("TorchSharp-cpu");
        Assert.Contains($"TorchSharp: {version}\n", output);
        Assert.Contains($"libtorch: {torch.__version__}\n", output);
        Assert.Contains(DoctorIsCudaBuild
            ? $"build: TorchSharp-cuda-linux {version}, a CUDA build\n"
            : $"build: TorchSharp-cpu {version}, a CPU build (-p:TorchBackend=cuda selects TorchSharp-cuda-linux)\n", output);
        // The package's libtorch won, although this machine may have Debian's libtorch-dev (1.13) in
        // the system library folder.
        Assert.Contains($"libtorch_cpu.so: {Path.Combine(DoctorFolder, "libtorch_cpu.so")} (the package's)\n", output);
        Assert.Contains("CPU matmul: [[1,2],[3,4]] @ [[5,6],[7,8]] = [[19,22],[43,50]] ok", output);
        if (torch.cuda.is_available())
        {
            Assert.Matches(@"CUDA: available, \d+ devices?, cuDNN", output);
            Assert.Matches(@"CUDA matmul 1024x1024 vs CPU: max \|difference\| \S+ \(ok\)", output);
        }
        else
        {
            Assert.Contains("CUDA: not available (torch.cuda.is_available() is false)\nno CUDA: running on CPU\n", output);
            Assert.DoesNotContain("CUDA matmul", output);
        }
        Assert.EndsWith("doctor: all checks passed\n", output);
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
        var cuda = torch.cuda.is_available();
        var (exitCode, output) = RunDoctor(cuda ? "cuda:64" : "cuda");
        Assert.True(exitCode == 2, $"doctor exited with {exitCode}:\n{output}");
        Assert.DoesNotContain("doctor: all checks passed", output);
        if (cuda)
            Assert.Matches(@"doctor: Device ""cuda:64"" was asked for, but there (is 1 CUDA device|are \d+ CUDA devices)", output);
        else
        {
            Assert.Contains("doctor: Device \"cuda\" was asked for, but CUDA is not available here", output);
            Assert.Contains("Set device = \"auto\" or \"cpu\" in the parameters cell.", output);
            // Then why, for this build: a CPU build cannot use a GPU at all; a CUDA build sees none.
            Assert.Contains(DoctorIsCudaBuild
                ? "doctor: this is a CUDA build, but libtorch sees no GPU: check that nvidia-smi works"
                : "doctor: this is a CPU build (TorchSharp-cpu has no CUDA code): build with -p:TorchBackend=cuda", output);
        }
    }

    [Fact]
    public void Doctor_rejects_an_unknown_device()
    {
        var (exitCode, output) = RunDoctor("tpu");
        Assert.Equal(2, exitCode);
        Assert.Contains("doctor: Unknown device \"tpu\": use \"auto\", \"cpu\", \"cuda\" or \"cuda:N\".", output);
    }

    [Fact]
    public void Doctor_fails_on_cuda_libraries_left_over_in_a_cpu_build()
    {
        if (DoctorIsCudaBuild)
        {
            // Here libtorch_cuda.so belongs to the build.
            var (cudaExit, cudaOutput) = RunDoctor("cpu");
            Assert.True(cudaExit == 0, $"doctor exited with {cudaExit}:\n{cudaOutput}");
            Assert.DoesNotContain("left over", cudaOutput);
            return;
        }
        // A CPU build's folder with the libtorch_cuda.so an earlier CUDA build left there (a stand-in
        // file: the doctor must notice it whether or not it loads).
        using var copy = new DoctorCopy(DoctorFolder, File.ReadAllBytes(Path.Combine(DoctorFolder, "libLibTorchSharp.so")),
            extraFiles: ["libtorch_cuda.so"]);
        var (exitCode, output) = RunDoctor("auto", copy.Folder, copy.Environment);
        Assert.True(exitCode == 1, $"doctor exited with {exitCode}:\n{output}");
        Assert.Contains($"libtorch_cuda.so: {Path.Combine(copy.Folder, "libtorch_cuda.so")} is left over from a CUDA build (this is a CPU build): delete the bin/ and obj/ folders and build again", output);
        Assert.Contains("CPU matmul: [[1,2],[3,4]] @ [[5,6],[7,8]] = [[19,22],[43,50]] ok", output);
        Assert.EndsWith("doctor: a check FAILED\n", output);
    }

    [Fact]
    public void Doctor_says_which_file_is_missing_when_torchsharps_native_library_is_not_there()
    {
        using var copy = new DoctorCopy(DoctorFolder, nativeLibrary: null);
        var (exitCode, output) = RunDoctor("auto", copy.Folder, copy.Environment);
        Assert.True(exitCode == 1, $"doctor exited with {exitCode}:\n{output}");
        Assert.Contains("doctor: TorchSharp could not load its native library: The libtorch-cpu-linux-x64 package version", output);
        Assert.Contains($"doctor: {Path.Combine(copy.Folder, "libLibTorchSharp.so")} is missing: build again (dotnet build)", output);
        Assert.DoesNotContain("Unhandled exception", output);
    }

    [Fact]
    public void Doctor_names_the_glibcxx_version_this_machines_libstdcxx_lacks()
    {
        // libLibTorchSharp.so as the package ships it: GLIBCXX_3.4.32 required, not weak. Where the
        // system libstdc++ lacks that version (Debian 12) the doctor must say so and point at the fix;
        // where it has it (Ubuntu 24.04, the devcontainer) the library loads as shipped.
        var original = File.ReadAllBytes(Path.Combine(DoctorFolder, "libLibTorchSharp.so"));
        var asShipped = ElfVersionNeeds.WithRequirementStrong(original, "libstdc++.so.6", "GLIBCXX_3.4.32");
        using var copy = new DoctorCopy(DoctorFolder, asShipped);
        var (exitCode, output) = RunDoctor("auto", copy.Folder, copy.Environment);
        if (SystemLibstdcxxProvides("GLIBCXX_3.4.32"))
        {
            Assert.True(exitCode == 0, $"doctor exited with {exitCode}:\n{output}");
            Assert.Contains("doctor: all checks passed", output);
        }
        else
        {
            Assert.True(exitCode == 1, $"doctor exited with {exitCode}:\n{output}");
            Assert.Matches(@"doctor: the loader says: \S*libstdc\+\+\.so\.6: version `GLIBCXX_3\.4\.32' not found \(required by \S*libLibTorchSharp\.so\)", output);
            Assert.Contains("scripts/setup.sh marks that one unneeded requirement weak (tools/GenAI.WeakGlibcxx)", output);
        }
    }

    [Fact]
    public void Weak_glibcxx_tool_marks_the_shipped_requirement_weak_once_and_only_where_libstdcxx_lacks_it()
    {
        // The set-up's fix, run as scripts/setup.sh runs it, on a copy of libLibTorchSharp.so as the package ships it.
        var patched = File.ReadAllBytes(Path.Combine(DoctorFolder, "libLibTorchSharp.so"));
        var asShipped = ElfVersionNeeds.WithRequirementStrong(patched, "libstdc++.so.6", "GLIBCXX_3.4.32");
        Assert.False(asShipped.AsSpan().SequenceEqual(patched), "the copy must start with the requirement strong");
        var folder = Directory.CreateTempSubdirectory("genai-weak-glibcxx-").FullName;
        try
        {
            var library = Path.Combine(folder, "libLibTorchSharp.so");
            File.WriteAllBytes(library, asShipped);
            var tool = Path.Combine(Root, "tools/GenAI.WeakGlibcxx/bin/Debug/net10.0/GenAI.WeakGlibcxx.dll");
            var first = RunTool(tool, library);
            var second = RunTool(tool, library);
            Assert.Equal(0, first.ExitCode);
            Assert.Equal(0, second.ExitCode);
            if (SystemLibstdcxxProvides("GLIBCXX_3.4.32"))
            {
                // A current distribution: nothing to do, nothing said, the file as shipped.
                Assert.Equal("", first.Output.Trim());
                Assert.Equal(asShipped, File.ReadAllBytes(library));
            }
            else
            {
                // Debian 12: exactly the one bit set (the result equals the set-up's copy), said once, then left alone.
                Assert.Equal($"weak-glibcxx: {library}: marked GLIBCXX_3.4.32 weak (this machine's libstdc++ lacks it)", first.Output.Trim());
                Assert.Equal(patched, File.ReadAllBytes(library));
                Assert.Equal("", second.Output.Trim());
                Assert.Equal(patched, File.ReadAllBytes(library));
            }
            var notElf = Path.Combine(folder, "notes.txt");
            File.WriteAllText(notElf, "not a library");
            var bad = RunTool(tool, notElf);
            if (!SystemLibstdcxxProvides("GLIBCXX_3.4.32"))
            {
                Assert.Equal(1, bad.ExitCode);
                Assert.Contains($"weak-glibcxx: {notElf}: {notElf}: not an ELF file", bad.Output);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    static (int ExitCode, string Output) RunTool(string tool, string file)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(tool);
        start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }

    // Whether the libstdc++ this process loaded (libtorch needs it) defines a symbol version.
    static bool SystemLibstdcxxProvides(string version)
    {
        _ = torch.cuda.is_available(); // loads libtorch, and with it libstdc++
        var libstdcxx = File.ReadLines("/proc/self/maps").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Last())
            .First(p => Path.GetFileName(p).StartsWith("libstdc++.so.6", StringComparison.Ordinal));
        var needle = Encoding.ASCII.GetBytes(version + "\0");
        return File.ReadAllBytes(libstdcxx).AsSpan().IndexOf(needle) >= 0;
    }

    /// <summary>
    /// A copy of the doctor's folder (hard links, on the same file system) with libLibTorchSharp.so
    /// replaced by the given bytes or left out, and an empty NuGet cache, so that TorchSharp cannot fall
    /// back to the package cache's copy.
    /// </summary>
    sealed class DoctorCopy : IDisposable
    {
        public string Folder { get; }
        public Dictionary<string, string> Environment { get; }

        public DoctorCopy(string source, byte[]? nativeLibrary, string[]? extraFiles = null)
        {
            Folder = Path.Combine(AppContext.BaseDirectory, "doctor-copies", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Folder);
            foreach (var file in Directory.GetFiles(source))
            {
                var target = Path.Combine(Folder, Path.GetFileName(file));
                if (Path.GetFileName(file) == "libLibTorchSharp.so") continue;
                if (link(file, target) != 0) File.Copy(file, target);
            }
            if (nativeLibrary != null)
                File.WriteAllBytes(Path.Combine(Folder, "libLibTorchSharp.so"), nativeLibrary);
            foreach (var extra in extraFiles ?? [])
                File.WriteAllBytes(Path.Combine(Folder, extra), []);
            var emptyCache = Path.Combine(Folder, "empty-nuget-cache");
            Directory.CreateDirectory(emptyCache);
            Environment = new() { ["NUGET_PACKAGES"] = emptyCache };
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);

        [DllImport("libc", SetLastError = true)]
        static extern int link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string created);
    }

    /// <summary>Just enough of ELF64 (little-endian) to clear the weak bit of one version requirement.</summary>
    static class ElfVersionNeeds
    {
        const uint ShtGnuVerneed = 0x6ffffffe;
        const ushort VerFlagWeak = 0x2;

        public static byte[] WithRequirementStrong(byte[] elf, string library, string version)
        {
            var bytes = (byte[])elf.Clone();
            Assert.True(bytes.AsSpan(0, 4).SequenceEqual("\u007fELF"u8) && bytes[4] == 2 && bytes[5] == 1, "an ELF64 little-endian file");
            var sectionHeaders = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(0x28));
            var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x3A));
            var count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x3C));
            int Section(int index, int field) => sectionHeaders + index * entrySize + field;
            for (var i = 0; i < count; i++)
            {
                if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(Section(i, 4))) != ShtGnuVerneed) continue;
                var strings = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(Section((int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(Section(i, 40))), 24)));
                string Name(uint offset) => Encoding.ASCII.GetString(bytes, strings + (int)offset, Array.IndexOf(bytes, (byte)0, strings + (int)offset) - strings - (int)offset);
                var need = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(Section(i, 24)));
                while (true)
                {
                    var auxCount = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(need + 2));
                    var file = Name(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(need + 4)));
                    var aux = need + (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(need + 8));
                    for (var a = 0; a < auxCount; a++)
                    {
                        if (file == library && Name(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(aux + 8))) == version)
                        {
                            var flags = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(aux + 4));
                            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(aux + 4), (ushort)(flags & ~VerFlagWeak));
                            return bytes;
                        }
                        aux += (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(aux + 12));
                    }
                    var next = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(need + 12));
                    if (next == 0) break;
                    need += (int)next;
                }
            }
            throw new InvalidDataException($"the file does not require {version} of {library}");
        }
    }
}
