import { S3Client, GetObjectCommand } from "@aws-sdk/client-s3";

const MAX = 3 * 86400;

export class S3Files {
  // A class field holding an arrow is a method; the SDK is loaded lazily.
  public getSignedUrl = async (key: string, expiresIn = 300) => {
    const { getSignedUrl } = await import("@aws-sdk/s3-request-presigner");
    const client = new S3Client({ region: "eu-west-1" });
    return getSignedUrl(client, new GetObjectCommand({ Bucket: "files", Key: key }), {
      expiresIn: Math.min(expiresIn, MAX),
    });
  };
}
