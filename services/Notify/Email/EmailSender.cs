using System.Net.Sockets;
using System.Text.Json;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using Workflow.Notify.Data;
using Workflow.Notify.Deliveries;

namespace Workflow.Notify.Email;

/// <summary>Sends one e-mail delivery through SMTP (MailKit); its Message-Id is the delivery id, so a repeat is recognisable.</summary>
public sealed class EmailSender(IOptionsMonitor<EmailOptions> options, IOptionsMonitor<DeliveryOptions> delivery)
{
    public async Task<DeliveryResult> SendAsync(Delivery item, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled)
        {
            return DeliveryResult.Failed("E-mail is not configured (Notify:Email:Host).");
        }

        var content = JsonSerializer.Deserialize<EmailContent>(item.Payload, JsonSerializerOptions.Web)!;
        using var message = new MimeMessage
        {
            Subject = content.Subject,
            Body = new TextPart("plain") { Text = content.Text },
            MessageId = $"{item.Id:N}@workflow",
        };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(item.Recipient));

        using var smtp = new SmtpClient { Timeout = (int)delivery.CurrentValue.AttemptTimeout.TotalMilliseconds };
        try
        {
            await smtp.ConnectAsync(settings.Host!, settings.Port, settings.Security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }

            await smtp.SendAsync(message, cancellationToken);
            await smtp.DisconnectAsync(quit: true, cancellationToken);
            return DeliveryResult.Ok;
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)e.StatusCode >= 500)
        {
            return DeliveryResult.Refused($"The server refused {item.Recipient}: {(int)e.StatusCode} {e.Message}");
        }
        catch (SmtpCommandException e)
        {
            return DeliveryResult.Failed($"SMTP {(int)e.StatusCode}: {e.Message}", (int)e.StatusCode);
        }
        catch (Exception e) when (e is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException
            or MailKit.Security.AuthenticationException or TimeoutException)
        {
            return DeliveryResult.Failed($"SMTP: {e.Message}");
        }
    }
}
