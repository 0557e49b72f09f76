namespace Workflow.Benchmarks;

public sealed record BenchmarkSettings(int Documents, int Concurrency, int LowLoadDocuments, Uri? Target, string? Broker, bool Json);
