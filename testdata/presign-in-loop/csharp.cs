// Presign calls that run once per element, and look-alikes that must stay silent.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;

public class Gallery
{
    private readonly IAmazonS3 _s3;

    public Gallery(IAmazonS3 s3) { _s3 = s3; }

    private static GetPreSignedUrlRequest Request(string key) =>
        new GetPreSignedUrlRequest { BucketName = "media", Key = key, Expires = DateTime.UtcNow.AddMinutes(10) };

    public List<string> Links(IEnumerable<string> keys) =>
        keys.Select(k => _s3.GetPreSignedURL(Request(k))).ToList(); // expect: presign-in-loop

    public Dictionary<string, string> ByKey(IEnumerable<string> keys) =>
        keys.ToDictionary(k => k, k => _s3.GetPreSignedURL(Request(k))); // expect: presign-in-loop

    public async Task Each(List<string> keys)
    {
        foreach (var key in keys)
        {
            await _s3.GetPreSignedURLAsync(Request(key)); // expect: presign-in-loop
        }
        for (var i = 0; i < keys.Count; i++)
        {
            _s3.GetPreSignedURL(Request(keys[i])); // expect: presign-in-loop
        }
        keys.ForEach(k => _s3.GetPreSignedURL(Request(k))); // expect: presign-in-loop
    }

    // A batch helper by its name.
    public string GeneratePresignedUrls(string key) => _s3.GetPreSignedURL(Request(key)); // expect: presign-in-loop

    // --- Precision traps: all silent. ---

    // One URL per request.
    public string Download(string key) => _s3.GetPreSignedURL(Request(key));

    // A lambda created in a loop but not called by it.
    public List<Func<string>> Handlers(List<string> keys)
    {
        var output = new List<Func<string>>();
        foreach (var key in keys)
        {
            output.Add(() => _s3.GetPreSignedURL(Request(key)));
        }
        return output;
    }

    // Non-presign calls in a loop.
    public async Task Other(List<string> keys)
    {
        foreach (var key in keys)
        {
            await _s3.GetObjectMetadataAsync("media", key);
        }
    }

    // The parts of one multipart upload are presigned together by design.
    public IEnumerable<string> Parts(string uploadId, int count) =>
        Enumerable.Range(1, count).Select(n => _s3.GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = "media", Key = "big", Verb = HttpVerb.PUT, UploadId = uploadId, PartNumber = n,
            Expires = DateTime.UtcNow.AddMinutes(10),
        }));
}
