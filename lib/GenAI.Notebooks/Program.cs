using GenAI.Notebooks.Cli;

namespace GenAI.Notebooks;

/// <summary>
/// Command line of the headless notebook runner:
///   run &lt;notebook|folder&gt;... [--out DIR] [--param name=value]... [--timeout SECONDS]
/// ("run-one" is the per-notebook child process that "run" starts; it takes the same options.)
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            return args.FirstOrDefault() switch
            {
                RunCommand.Name => RunCommand.Run(RunOptions.Parse(args[1..])),
                RunOneCommand.Name => RunOneCommand.Run(RunOptions.Parse(args[1..])),
                _ => throw new UsageException(RunOptions.Usage),
            };
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }
}
