using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Workflow.Notify.Webhooks;

/// <summary>
/// The Data Protection key ring that encrypts stored signing secrets: files in
/// <c>Notify:KeysDirectory</c> (default <c>notify-keys</c> beside the SQLite files), shared by every
/// notify replica. With <c>Notify:KeysCertificate:Path</c> (a PKCS#12 file, its password in
/// <c>Notify:KeysCertificate:Password</c>) the key files are themselves encrypted to that
/// certificate, so neither the database nor the key volume alone reveals a secret.
/// </summary>
public static class SigningKeys
{
    private const string ApplicationName = "workflow-notify";

    public static IServiceCollection AddSigningSecretProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var keys = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(Directory(configuration)));
        if (Certificate(configuration) is { } certificate)
        {
            // Linux has no machine store to find the certificate in by thumbprint: it is handed over for reading too.
            keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        return services.AddSingleton<SigningSecretProtection>();
    }

    public static string Directory(IConfiguration configuration) =>
        configuration["Notify:KeysDirectory"] ?? Path.Combine(ServiceDefaults.Data.DatabaseExtensions.DataDirectory(configuration), "notify-keys");

    private static X509Certificate2? Certificate(IConfiguration configuration) =>
        configuration["Notify:KeysCertificate:Path"] is { Length: > 0 } path
            ? X509CertificateLoader.LoadPkcs12FromFile(path, configuration["Notify:KeysCertificate:Password"])
            : null;
}
