using System;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;

class Storage
{
    // Positives.
    AmazonS3Client Direct() =>
        new AmazonS3Client("AKIAUJZDEGXDNCF32EPF", "2hpChYgCfrL1spNxnyVmihA/2O76UMFxFkM/R5Kj", RegionEndpoint.EUWest1); // expect: hardcoded-credentials

    AmazonS3Client WithCredentials()
    {
        var creds = new BasicAWSCredentials("AKIAH2KVJ72CEUVW75EF", "I8ihN5KXSc7Tvo/hBKqFYY/kv5ZJr3J1TWDtkwtD"); // expect: hardcoded-credentials
        return new AmazonS3Client(creds, RegionEndpoint.EUWest1);
    }

    private const string AccessKey = "AKIAOA7LQSAJ2XUID5ZZ"; // expect: hardcoded-credentials
    private const string SecretKey = "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";

    AWSCredentials Session(string token) => new SessionAWSCredentials(AccessKey, SecretKey, token);

    AWSCredentials Named() =>
        new BasicAWSCredentials(secretKey: "yEZDz/TddJ8HyS5SUkCnD8zRA9a9SkpXz9w3QlY7", accessKey: Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID")); // expect: hardcoded-credentials

    // Negatives.
    AWSCredentials FromEnv() =>
        new BasicAWSCredentials(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"), Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"));

    AWSCredentials FromParams(string id, string secret) => new BasicAWSCredentials(id, secret);

    AWSCredentials Docs() => new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

    AmazonS3Client Local() => new AmazonS3Client("test", "test", new AmazonS3Config { ServiceURL = "http://localhost:4566" });
}
