// legacy-signature-version: AWSSDK.S3 global signature switch.
using Amazon;
using Amazon.S3;

public static class S3Setup
{
    public static IAmazonS3 Legacy()
    {
        AWSConfigsS3.UseSignatureVersion4 = false; // expect: legacy-signature-version
        return new AmazonS3Client(RegionEndpoint.USEast1);
    }

    // Negatives: SigV4 explicitly on, a variable, a comment.
    public static IAmazonS3 Modern(bool v4)
    {
        AWSConfigsS3.UseSignatureVersion4 = true;
        AWSConfigsS3.UseSignatureVersion4 = v4;
        // AWSConfigsS3.UseSignatureVersion4 = false;
        return new AmazonS3Client(RegionEndpoint.USEast1);
    }
}
