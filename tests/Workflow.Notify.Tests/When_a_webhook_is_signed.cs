using Workflow.Notify.Webhooks;

namespace Workflow.Notify.Tests;

public sealed class When_a_webhook_is_signed
{
    [Fact]
    public void The_signature_matches_the_Standard_Webhooks_test_vector()
    {
        // The example from the Standard Webhooks specification, so receivers can use its libraries.
        var signature = WebhookSignature.Sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}""");

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void A_new_secret_is_valid_and_unique()
    {
        var (a, b) = (WebhookSignature.NewSecret(), WebhookSignature.NewSecret());

        Assert.True(WebhookSignature.IsValidSecret(a));
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData("secret")]
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_c2hvcnQ=")]
    public void A_weak_or_malformed_secret_is_refused(string secret)
    {
        Assert.False(WebhookSignature.IsValidSecret(secret));
    }
}
