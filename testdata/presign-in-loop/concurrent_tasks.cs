// Tasks started per element presign once per element, as the loop itself would.
using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;

class ConcurrentTasks
{
    void ShareAll(AmazonS3Client client, List<string> keys)
    {
        foreach (var key in keys)
        {
            Task.Run(() => client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = key, Expires = DateTime.UtcNow.AddMinutes(15) })); // expect: presign-in-loop
        }
    }

    // Negatives: one task outside a loop; another object's Run in a loop.
    void ShareOne(AmazonS3Client client, string key)
    {
        Task.Run(() => client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = key, Expires = DateTime.UtcNow.AddMinutes(15) }));
    }

    void Register(AmazonS3Client client, List<string> keys, Pipeline pipeline)
    {
        foreach (var key in keys)
        {
            pipeline.Run(() => client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = key, Expires = DateTime.UtcNow.AddMinutes(15) }));
        }
    }
}
