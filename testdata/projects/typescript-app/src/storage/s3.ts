import { S3Client, GetObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

const client = new S3Client({ region: "eu-west-1" });

export class S3Adapter {
  async sign(key: string, seconds: number) {
    return getSignedUrl(client, new GetObjectCommand({ Bucket: "media", Key: key }), { expiresIn: seconds });
  }
}
