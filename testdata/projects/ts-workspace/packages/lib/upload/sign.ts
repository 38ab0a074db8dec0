import { S3Client, GetObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

const client = new S3Client({ region: "eu-west-1" });

export async function signDownload(key: string, expiresIn = 300) {
  return getSignedUrl(client, new GetObjectCommand({ Bucket: "files", Key: key }), { expiresIn });
}
