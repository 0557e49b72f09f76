using System.Collections.Concurrent;

namespace Workflow.Testing;

/// <summary>The last lines a child process printed, kept for assertions and for failure messages.</summary>
public sealed class OutputTail(int capacity = 2000)
{
    private readonly ConcurrentQueue<string> _lines = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        while (_lines.Count > capacity)
        {
            _lines.TryDequeue(out _);
        }
    }

    public string Recent(int lines = 100) => string.Join('\n', _lines.TakeLast(lines));

    public int CountContaining(string text) => _lines.Count(l => l.Contains(text, StringComparison.Ordinal));
}
