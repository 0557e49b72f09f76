using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Testing;

namespace Workflow.EndToEnd.Tests;

/// <summary>Uploads a document through the public address and follows it to the end of its journey.</summary>
public static class DocumentJourney
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>A purchase the shipped routing rules send to a person (10,000 or more).</summary>
    public const string LargePurchase = "Please raise a purchase order for 25 laptops from the vendor quote attached, total price 48,000 EUR.";
    private static readonly string[] Terminal = ["Completed", "Failed", "Rejected"];

    public static async Task<Guid> UploadAsync(HttpClient api, string fileName, string contentType, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new(contentType);
        form.Add(file, "file", fileName);
        var response = await api.PostAsync("/v1/documents", form);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documentId").GetGuid();
    }

    /// <summary>Uploads <see cref="LargePurchase"/> and waits until its review is open.</summary>
    public static async Task<Guid> UploadAwaitingReviewAsync(HttpClient api, string fileName = "order.txt")
    {
        var id = await UploadAsync(api, fileName, "text/plain", SampleDocuments.Text(LargePurchase));
        await Eventually.MatchesAsync(() => api.GetAsync($"/v1/reviews/{id}"), r => r.StatusCode == System.Net.HttpStatusCode.OK,
            Patience, $"document {id} to wait for review");
        return id;
    }

    public static Task<JsonElement> FinishedAsync(HttpClient api, Guid documentId, TimeSpan? patience = null) =>
        Eventually.MatchesAsync(
            async () =>
            {
                var response = await api.GetAsync($"/v1/documents/{documentId}");
                return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            },
            s => s.ValueKind == JsonValueKind.Object && Terminal.Contains(s.GetProperty("status").GetString()),
            patience ?? Patience, $"document {documentId} to finish");
}
