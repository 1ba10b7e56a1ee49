// Tests drive TrainingProgress with a fake clock through its internal constructor.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("GenAI.Tests")]
