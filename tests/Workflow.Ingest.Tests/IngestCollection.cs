namespace Workflow.Ingest.Tests;

/// <summary>One ingest host (and one broker) for all its integration tests: MassTransit hosts do not restart in one process.</summary>
[CollectionDefinition(Name)]
public sealed class IngestCollection : ICollectionFixture<IngestHost>
{
    public const string Name = "ingest";
}
