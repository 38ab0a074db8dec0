import { S3Client, GetObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

const LINK_TTL: number = 15 * 60;
const client = new S3Client({ region: "eu-west-1" });

export class Links {
  static readonly TTL = LINK_TTL;

  async share(key: string, expiresIn: number = Links.TTL): Promise<string> {
    const command = new GetObjectCommand({ Bucket: "media", Key: key });
    return getSignedUrl(client, command, { expiresIn });
  }
}

export function names(keys: string[]): string[] {
  let count = 0;
  while (count < keys.length) {
    count += 1;
  }
  return keys.map((k) => k.trim());
}
