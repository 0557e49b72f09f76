using System.Collections.Concurrent;

namespace Workflow.Testing;

/// <summary>The last lines a child process printed, kept for assertions and for failure messages.</summary>
public sealed class OutputTail(int capacity = 2000)
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentDictionary<string, int> _watched = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        foreach (var text in _watched.Keys.Where(text => line.Contains(text, StringComparison.Ordinal)))
        {
            _watched.AddOrUpdate(text, 1, (_, count) => count + 1);
        }

        _lines.Enqueue(line);
        while (_lines.Count > capacity)
        {
            _lines.TryDequeue(out _);
        }
    }

    public string Recent(int lines = 100) => string.Join('\n', _lines.TakeLast(lines));

    public int CountContaining(string text) => _lines.Count(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>From now on, counts every line that contains <paramref name="text"/>, however many lines follow.</summary>
    public void Watch(string text) => _watched.TryAdd(text, 0);

    public int TimesSeen(string text) => _watched.GetValueOrDefault(text);
}
