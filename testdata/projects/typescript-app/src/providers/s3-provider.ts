import { S3Client, GetObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

export class S3Provider {
  private client = new S3Client({ region: "eu-west-1" });

  async getPresignGetUrl(key: string): Promise<string> {
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: "docs", Key: key }), { expiresIn: 600 });
  }
}
