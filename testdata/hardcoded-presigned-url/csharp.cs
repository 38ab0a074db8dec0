using System;
using System.Text.Json;
using Amazon;
using Amazon.S3;
using Amazon.S3.Model;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using Xunit;

namespace Acme.Media.Tests;

public class MediaLinkTests
{
    // Copied from the support ticket; the customer's export link (account-key SAS).
    private const string SupportTicketLink =
        @"https://acmemediaprod.blob.core.windows.net/exports/customer-7741/media-export.zip?sv=2022-11-02&st=2024-01-15T10%3A15%3A00Z&se=2024-01-16T10%3A15%3A00Z&sr=b&sp=rl&spr=https&sig=7Y%2B0KxA0tt%2FCPDypWQ2w672qXzNtG5jQIvH5GrdLvX4%3D"; // expect: hardcoded-presigned-url

    // System.Text.Json escapes '&' as \u0026 by default; this is the serialized DTO.
    private const string SerializedDto =
        "{\"id\":7741,\"thumbnailUrl\":\"https://acme-media-thumbs.s3.amazonaws.com/7741/thumb-320.jpg?X-Amz-Expires=600\u0026X-Amz-Algorithm=AWS4-HMAC-SHA256\u0026X-Amz-Credential=AKIA7UM57YCS5WRJIO2W/20240115/us-east-1/s3/aws4_request\u0026X-Amz-Date=20240115T101500Z\u0026X-Amz-SignedHeaders=host\u0026X-Amz-Signature=5ec5c8b6d99b7ae11fefb0cfc5eebde05840d8c0ad91370f83e3d9765a3dfada\"}"; // expect: hardcoded-presigned-url

    private const string R2Preview = "https://26dee9cdc23a5307ef3b5f4344217b24.r2.cloudflarestorage.com/acme-previews/7741/preview.webm?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=a06a9819d256e5afb74870a12fc7f59e%2F20240115%2Fauto%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=06e5063905c371323ca0fdd966371b9624b94ce7b2e82699d8039e30f83260c9"; // expect: hardcoded-presigned-url

    /// <summary>Opens the legacy GCS mirror.</summary>
    /// <remarks>Old sample: <see href="https://storage.googleapis.com/acme-media-mirror/7741/master.mov?GoogleAccessId=mirror%40acme-media-legacy.iam.gserviceaccount.com&amp;Expires=1705320900&amp;Signature=%2F09ya4P96913yt2iL%2BmvoM64tcGEWrNkIXB2y87BWv1PWm7lq5TzmyJNpI8BwdX6qgv%2FDapbWdtdv2rKE0%2F0VXkqQzjgzOsVWwOesiykGqzvd81rxL07f%2B3hvJHZtybeZUIzu1GArM%2F9iWxEmoT1K27Ydx%2FaZGT%2B5fQYZr1sfDrzcKZm%2BkOOgRkZjit04jg48j7ARGlrCMctuwXSGtsFDqHJc0jJjpq8V2GIqx46K35HV7YnafkqHg0ZHPuXYTAHC8Ac9T9n%2B%2FtP79%2F2ikjVCDdc6GzasIPIrXXWjpjVo%2F0vJ4ahxaJSmgMymuAGLMjx3DKsSrk70sGKZxZBrh7iDw%3D%3D"/></remarks> // expect: hardcoded-presigned-url
    private const string MirrorBucket = "acme-media-mirror";

    private const string UploadPageLink =
        "https://upload.example.org/resume?target=https%3A%2F%2Facme-media-ingest.s3-accelerate.amazonaws.com%2Fraw%2F7741%2Fpart-0001.bin%3FX-Amz-Expires%3D3600%26X-Amz-Algorithm%3DAWS4-HMAC-SHA256%26X-Amz-Credential%3DAKIAS3K345JIRIBKAX7E%2F20240115%2Fus-east-1%2Fs3%2Faws4_request%26X-Amz-Date%3D20240115T101500Z%26X-Amz-SignedHeaders%3Dhost%26X-Amz-Signature%3De8925a624dc1f614e95d57b9a31ed5c48e1e98f662c5d0734012af8f0d99dbb5"; // expect: hardcoded-presigned-url

    private const string ManifestJson = """
        {
          "kind": "hls",
          "stream": "https://dhe2olpzwf3wr3.cloudfront.net/live/7741/index.m3u8?Policy=eyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoiaHR0cHM6Ly9kaGUyb2xwendmM3dyMy5jbG91ZGZyb250Lm5ldC9saXZlLzc3NDEvKiIsIkNvbmRpdGlvbiI6eyJEYXRlTGVzc1RoYW4iOnsiQVdTOkVwb2NoVGltZSI6MTcwNTMxNzMwMH19fV19&Signature=vwkwtsQt4Kn~KljzAt1PxVTyvQWBS0Gga5Xf17fopJTr-FLKFmK-zEJcTrrEmrwxx2fM7H3H40mu78EwodUi57kXmBqcLnc6Cmj5Wb6Ma9nadbAXSf4q9uQuJzQ52UF~T-6jrtyg7k5YU96o30BI58Hb~OAVkQZLr8O9a1HgenI_&Key-Pair-Id=KLPZEJXIOXMHW8"
        }
        """; // expect^^: hardcoded-presigned-url

    // Not findings: placeholders and a SAS assembled from parts.
    private const string SasTemplate = "https://{0}.blob.core.windows.net/{1}/{2}?sv=2022-11-02&sr=b&sp=r&se={3}&spr=https&sig={4}";
    private const string DocsSample = "https://myaccount.blob.core.windows.net/sascontainer/sasblob.txt?sv=2022-11-02&st=2024-01-15T10:15:00Z&se=2024-01-16T10:15:00Z&sr=b&sp=r&sig=EXAMPLE";

    [Fact]
    public void FreshAzureLinksLastFifteenMinutes()
    {
        var blob = new BlobClient(new Uri("https://acmemediaprod.blob.core.windows.net/exports/customer-7741/media-export.zip"));
        var builder = new BlobSasBuilder(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddMinutes(15));
        Assert.True(builder.ExpiresOn <= DateTimeOffset.UtcNow.AddMinutes(15));
        Assert.NotNull(blob);
    }

    [Fact]
    public void FreshS3LinksLastTenMinutes()
    {
        var s3 = new AmazonS3Client(RegionEndpoint.USEast1);
        var url = s3.GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = "acme-media-thumbs",
            Key = "7741/thumb-320.jpg",
            Expires = DateTime.UtcNow.AddMinutes(10),
        });
        Assert.Contains("X-Amz-Signature=", url);
    }

    [Fact]
    public void CapturedLinksParse()
    {
        var dto = JsonSerializer.Deserialize<JsonElement>(SerializedDto);
        Assert.Equal(7741, dto.GetProperty("id").GetInt32());
        Assert.StartsWith("https://", SupportTicketLink);
        Assert.StartsWith("https://", R2Preview);
        Assert.StartsWith("https://", UploadPageLink);
        Assert.Contains("hls", ManifestJson);
        Assert.Equal(string.Format(SasTemplate, "a", "b", "c", "d", "e").Length > 0, DocsSample.Length > 0);
        Assert.NotEmpty(MirrorBucket);
    }
}
