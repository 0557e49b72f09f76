using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Workflow.Databases.Tests;

/// <summary>Parses T-SQL offline, as SQL Server 2022 would (no server runs here).</summary>
public static class TSql
{
    public static TSqlFragment Parse(string sql)
    {
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        Assert.True(errors.Count == 0,
            string.Join('\n', errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}")) + "\n--- in ---\n" + sql);
        return fragment;
    }

    public static IReadOnlyList<TableHintKind> TableHints(TSqlFragment fragment)
    {
        var visitor = new HintCollector();
        fragment.Accept(visitor);
        return visitor.Hints;
    }

    private sealed class HintCollector : TSqlFragmentVisitor
    {
        public List<TableHintKind> Hints { get; } = [];

        public override void Visit(TableHint node) => Hints.Add(node.HintKind);
    }
}
