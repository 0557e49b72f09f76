using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Testing;

namespace Workflow.EndToEnd.Tests;

/// <summary>
/// Notify keeps the secrets it signs with encrypted, with its keys outside its database: a copy
/// of the database file (with its write-ahead log) holds neither a subscription's secret nor the
/// tenant's callback secret. After notify is killed and started again it still signs with the same
/// secrets, a secret an earlier version stored in plain text is encrypted and still signs, and
/// after the key ring has rotated the secrets move to its new key and still sign.
/// </summary>
[Collection(WorkflowCollection.Name)]
public sealed class When_signing_secrets_are_stored(RunningWorkflow workflow)
{
    [Fact]
    public async Task The_database_holds_no_secret_and_a_restarted_notify_still_signs_with_each()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await WebhookSubscription.CreateAsync(workflow.Api, receiver, "document.routed");
        var old = await WebhookSubscription.CreateAsync(workflow.Api, receiver, "document.routed");
        var callbackSecret = (await workflow.Api.GetFromJsonAsync<JsonElement>("/v1/webhooks/callbacks/secret")).GetProperty("secret").GetString()!;

        var notify = workflow.DatabaseOf("notify");
        Assert.Equal(2, await notify.CountAsync(
            "SELECT COUNT(*) FROM WebhookSubscriptions WHERE Id IN ($a, $b)", ("$a", Key(subscription.Id)), ("$b", Key(old.Id))));
        Assert.True(await notify.CountAsync("SELECT COUNT(*) FROM CallbackSecrets") >= 1, "the tenant's callback secret is stored");
        foreach (var secret in new[] { subscription.Secret, old.Secret, callbackSecret })
        {
            foreach (var file in new[] { "notifydb.db", "notifydb.db-wal" })
            {
                Assert.False(FileHolds(Path.Combine(workflow.DataDirectory, file), secret["whsec_".Length..]), $"{file} holds a signing secret in plain text");
            }
        }

        // A subscription and a tenant's callback secret as an earlier version stored them: in plain text.
        var plain = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await notify.ExecuteAsync([("UPDATE WebhookSubscriptions SET Secret = $plain WHERE Id = $id", [("$plain", plain), ("$id", Key(old.Id))])]);
        await notify.ExecuteAsync([("UPDATE CallbackSecrets SET Secret = $plain WHERE TenantId = 'default'", [("$plain", callbackSecret)])]);
        Assert.Equal(1, await notify.CountAsync("SELECT COUNT(*) FROM CallbackSecrets WHERE Secret LIKE 'whsec%'"));

        // The key ring rotates, as it does by itself every 90 days: a newer key in notify's key folder
        // makes the one the secrets are encrypted under an old key.
        var underOldKey = await notify.TextAsync("SELECT Secret FROM WebhookSubscriptions WHERE Id = $id", ("$id", Key(subscription.Id)));
        RotateKeyRing(Path.Combine(workflow.DataDirectory, "notify-keys"));

        await workflow.KillServiceAsync("notify");
        await Eventually.MatchesAsync(() => notify.TextAsync("SELECT Secret FROM WebhookSubscriptions WHERE Id = $id", ("$id", Key(subscription.Id))),
            s => s is not null && s != underOldKey, TimeSpan.FromSeconds(30), "the subscription's secret encrypted again under the new key by the restarted notify");
        await Eventually.MatchesAsync(() => notify.CountAsync("SELECT COUNT(*) FROM WebhookSubscriptions WHERE Secret LIKE 'whsec%'"), n => n == 0,
            TimeSpan.FromSeconds(30), "the plain subscription secret encrypted by the restarted notify");
        await Eventually.MatchesAsync(() => notify.CountAsync("SELECT COUNT(*) FROM CallbackSecrets WHERE Secret LIKE 'whsec%'"), n => n == 0,
            TimeSpan.FromSeconds(30), "the plain callback secret encrypted by the restarted notify");
        Assert.Equal(callbackSecret, (await workflow.Api.GetFromJsonAsync<JsonElement>("/v1/webhooks/callbacks/secret")).GetProperty("secret").GetString());
        var id = await DocumentJourney.UploadAsync(workflow.Api, "printer.txt", "text/plain",
            SampleDocuments.Text("The office printer on floor 3 is jammed again and shows error 13."));
        var routed = await Eventually.MatchesAsync(
            () => Task.FromResult(WebhookSubscription.About(receiver, id, "document.routed").ToList()), w => w.Count == 2,
            DocumentJourney.Patience, "both subscriptions' routed webhooks after notify was started again");
        Assert.Contains(routed, w => w.IsSignedWith(subscription.Secret));
        Assert.Contains(routed, w => w.IsSignedWith(plain));
        await workflow.Api.DeleteAsync($"/v1/webhooks/{subscription.Id}");
        await workflow.Api.DeleteAsync($"/v1/webhooks/{old.Id}");
    }

    /// <summary>A new current key in notify's key ring (its application name is notify's own).</summary>
    private static void RotateKeyRing(string keysDirectory)
    {
        Assert.True(Directory.Exists(keysDirectory), $"notify's key ring is in {keysDirectory}");
        var services = new ServiceCollection().AddLogging();
        services.AddDataProtection().SetApplicationName("workflow-notify").PersistKeysToFileSystem(new DirectoryInfo(keysDirectory));
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow.AddSeconds(1), DateTimeOffset.UtcNow.AddDays(90));
    }

    private static string Key(Guid id) => id.ToString().ToUpperInvariant();

    private static bool FileHolds(string path, string text)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
    }
}
