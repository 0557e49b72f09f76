namespace Workflow.Benchmarks;

public sealed record BenchmarkSettings(int Documents, int Concurrency, int LowLoadDocuments, int Rounds, Uri? Target, string? Broker, bool Json, bool Trace = false);
