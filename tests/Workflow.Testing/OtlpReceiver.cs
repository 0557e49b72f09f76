using System.Collections.Concurrent;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Workflow.Testing;

/// <summary>
/// A telemetry backend stand-in: a real HTTP server on loopback that takes what the services
/// export over OTLP/HTTP (protobuf) and keeps the spans. Logs and metrics are accepted and dropped.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private WebApplication _app = null!;

    private OtlpReceiver()
    {
    }

    /// <summary>For <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, with <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public ConcurrentQueue<ReceivedSpan> Spans { get; } = new();

    /// <summary>The variables that make a .NET service export here, promptly (every 200 ms).</summary>
    public IEnumerable<(string Name, string Value)> ExporterSettings =>
    [
        ("OTEL_EXPORTER_OTLP_ENDPOINT", Endpoint.ToString().TrimEnd('/')),
        ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
        ("OTEL_BSP_SCHEDULE_DELAY", "200"),
        ("OTEL_BLRP_SCHEDULE_DELAY", "1000"),
        ("OTEL_METRIC_EXPORT_INTERVAL", "60000"),
    ];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var receiver = new OtlpReceiver();
        (receiver._app, receiver.Endpoint) = await LoopbackHttpServer.StartAsync(app =>
        {
            app.MapPost("/v1/traces", receiver.TracesAsync);
            app.MapPost("/v1/logs", () => Results.Bytes([], "application/x-protobuf"));
            app.MapPost("/v1/metrics", () => Results.Bytes([], "application/x-protobuf"));
        });
        return receiver;
    }

    private async Task<IResult> TracesAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        foreach (var span in OtlpTraceReader.Read(body.ToArray()))
        {
            Spans.Enqueue(span);
        }

        return Results.Bytes([], "application/x-protobuf");
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

/// <summary>One span as exported: which service made it, where it sits in its trace, and when it ran (Unix nanoseconds).</summary>
public sealed record ReceivedSpan(string Service, string TraceId, string SpanId, string? ParentSpanId, string Name, ulong StartNanos = 0, ulong EndNanos = 0)
{
    public double DurationMs => (EndNanos - StartNanos) / 1e6;
}

/// <summary>
/// Reads the few fields a trace test needs from an OTLP <c>ExportTraceServiceRequest</c>, by
/// field number on the protobuf wire (every other field is skipped). Written by hand: the OTLP
/// message classes are not served as a package, and six fields do not warrant generating them.
/// </summary>
public static class OtlpTraceReader
{
    public static IEnumerable<ReceivedSpan> Read(byte[] request)
    {
        var spans = new List<ReceivedSpan>();
        foreach (var resourceSpans in Fields(request, 1))
        {
            var service = Fields(resourceSpans, 1).SelectMany(resource => Fields(resource, 1)).Select(Attribute)
                .FirstOrDefault(a => a.Key == "service.name").Value ?? "unknown";
            foreach (var span in Fields(resourceSpans, 2).SelectMany(scopeSpans => Fields(scopeSpans, 2)))
            {
                var parent = Fields(span, 4).FirstOrDefault();
                spans.Add(new ReceivedSpan(
                    service,
                    Convert.ToHexStringLower(Fields(span, 1).First()),
                    Convert.ToHexStringLower(Fields(span, 2).First()),
                    parent is { Length: > 0 } ? Convert.ToHexStringLower(parent) : null,
                    System.Text.Encoding.UTF8.GetString(Fields(span, 5).FirstOrDefault() ?? []),
                    Fixed64(span, 7),
                    Fixed64(span, 8)));
            }
        }

        return spans;
    }

    /// <summary>A KeyValue's key and, when it holds a string, its value.</summary>
    private static (string Key, string? Value) Attribute(byte[] keyValue)
    {
        var key = System.Text.Encoding.UTF8.GetString(Fields(keyValue, 1).FirstOrDefault() ?? []);
        var value = Fields(keyValue, 2).SelectMany(any => Fields(any, 1)).Select(v => System.Text.Encoding.UTF8.GetString(v)).FirstOrDefault();
        return (key, value);
    }

    /// <summary>The first 64-bit fixed field with this number (a span's start and end times), or 0.</summary>
    private static ulong Fixed64(byte[] message, int number)
    {
        var input = new CodedInputStream(message);
        while (!input.IsAtEnd)
        {
            var tag = input.ReadTag();
            if (WireFormat.GetTagFieldNumber(tag) == number && WireFormat.GetTagWireType(tag) == WireFormat.WireType.Fixed64)
            {
                return input.ReadFixed64();
            }

            input.SkipLastField();
        }

        return 0;
    }

    /// <summary>The bytes of every length-delimited field with this number.</summary>
    private static List<byte[]> Fields(byte[] message, int number)
    {
        var found = new List<byte[]>();
        var input = new CodedInputStream(message);
        while (!input.IsAtEnd)
        {
            var tag = input.ReadTag();
            if (WireFormat.GetTagFieldNumber(tag) == number && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                found.Add(input.ReadBytes().ToByteArray());
            }
            else
            {
                input.SkipLastField();
            }
        }

        return found;
    }
}
