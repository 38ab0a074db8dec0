// Azure SAS, GCS and MinIO in .NET (issue 15): each SDK's expiry, checked like AWSSDK.S3's.
using System;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using Google.Cloud.Storage.V1;
using Microsoft.Azure.Storage.Blob;
using Minio;

class CloudSdks
{
    // A builder's ExpiresOn, in an object initializer.
    Uri BuilderInitializer(BlobClient blobClient)
    {
        var sasBuilder = new BlobSasBuilder
        {
            BlobContainerName = blobClient.BlobContainerName,
            BlobName = blobClient.Name,
            Resource = "b",
            ExpiresOn = DateTimeOffset.UtcNow.AddDays(30), // expect: excessive-expiry
        };
        sasBuilder.SetPermissions(BlobSasPermissions.Read);
        return blobClient.GenerateSasUri(sasBuilder);
    }

    // The constructor's expiresOn, and an account SAS.
    Uri BuilderConstructor(BlobClient blobClient, StorageSharedKeyCredential key)
    {
        var builder = new BlobSasBuilder(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddHours(12)); // expect: excessive-expiry
        var account = new AccountSasBuilder(AccountSasPermissions.Read, DateTimeOffset.UtcNow.AddYears(2), AccountSasServices.Blobs, AccountSasResourceTypes.Object); // expect: excessive-expiry
        return new Uri(blobClient.Uri + "?" + account.ToSasQueryParameters(key));
    }

    // The client's shortcut.
    Uri Shortcut(BlobContainerClient container) =>
        container.GenerateSasUri(BlobContainerSasPermissions.List, DateTimeOffset.UtcNow.AddDays(7)); // expect: excessive-expiry

    // The older SDK's policy.
    string LegacyPolicy(CloudBlockBlob blob)
    {
        var policy = new SharedAccessBlobPolicy
        {
            Permissions = SharedAccessBlobPermissions.Read,
            SharedAccessExpiryTime = DateTime.UtcNow.AddYears(1), // expect: excessive-expiry
        };
        return blob.GetSharedAccessSignature(policy);
    }

    // GCS: a V4 URL (the default signing version) over 7 days is refused.
    string Gcs(UrlSigner urlSigner) =>
        urlSigner.Sign("bucket", "object", TimeSpan.FromDays(8), HttpMethod.Get); // expect: expiry-exceeds-limit

    string GcsTemplate(UrlSigner urlSigner, UrlSigner.RequestTemplate template) =>
        urlSigner.Sign(template, UrlSigner.Options.FromDuration(TimeSpan.FromHours(6))); // expect: excessive-expiry

    // MinIO: seconds, in the args' builder.
    async Task<string> Minio(IMinioClient minio) =>
        await minio.PresignedGetObjectAsync(new PresignedGetObjectArgs().WithBucket("b").WithObject("o").WithExpiry(60 * 60 * 24)); // expect: excessive-expiry

    // Negatives: within the policy.
    Uri Short(BlobClient blobClient) =>
        blobClient.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddMinutes(15));

    string ShortGcs(UrlSigner urlSigner) => urlSigner.Sign("bucket", "object", TimeSpan.FromMinutes(10));

    async Task<string> ShortMinio(IMinioClient minio) =>
        await minio.PresignedPutObjectAsync(new PresignedPutObjectArgs().WithBucket("b").WithObject("o").WithExpiry(900));

    // Traps: an ExpiresOn of something else, a Sign of something else, a year-long cookie.
    void Traps(HttpResponse response, Jwt jwt, Subscription subscription)
    {
        subscription.ExpiresOn = DateTimeOffset.UtcNow.AddDays(30);
        var token = jwt.Sign(payload, TimeSpan.FromDays(30), key);
        response.Cookies.Append("seen", "1", new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1) });
    }
}
