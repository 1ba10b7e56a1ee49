// Serves notebook 23's agent model (the course's character GPT trained on ReAct traces) with OpenAI's API on
// 127.0.0.1 only: GET /v1/models and POST /v1/chat/completions (tools, streaming). The model comes from the
// checkpoint store (out/checkpoints/ of the repository), trained on demand with the notebook's settings.
//   dotnet run --project tools/GenAI.AgentServer -- [--port 8023] [--quick] [--seed 23] [--device auto]
using GenAI;
using GenAI.Agents;
using GenAI.Models;

int port = 8023, seed = 23;
bool quick = false;
string device = "auto";
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], out var p) && p is > 0 and < 65536: port = p; i++; break;
        case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], out var s): seed = s; i++; break;
        case "--device" when i + 1 < args.Length: device = args[++i]; break;
        case "--quick": quick = true; break;
        default:
            Console.Error.WriteLine($"agent server: unknown or incomplete argument '{args[i]}'. Usage: GenAI.AgentServer [--port 1-65535] [--quick] [--seed N] [--device auto|cpu|cuda]");
            return 2;
    }
}

var dev = Devices.Pick(device);
using var search = CourseSearch.FromCourse();
var questions = AgentTasks.CourseQuestions(search);
var heldOut = AgentTasks.Arithmetic(AgentGptTraining.NotebookHeldOut(quick), seed + 1000).Select(q => q.Expression).ToHashSet();
var trained = CourseModels.AgentGpt(AgentGptTraining.Notebook(quick), heldOut, questions, seed, dev);
using var client = new GptChatClient(trained.Model);
await using var server = new OpenAiCompatibleServer(client, client.ModelId, port, Console.WriteLine);
Console.WriteLine($"serving {client.ModelId} at {server.Endpoint} (Ctrl+C stops)");
var done = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; done.TrySetResult(); };
await done.Task;
return 0;
