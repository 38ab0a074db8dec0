// TypeScript: presign calls per element, and traps.
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

const client = new S3Client({ region: "eu-west-1" });

export async function links(keys: string[]): Promise<Record<string, string>> {
  const entries = await Promise.all(
    keys.map(async (Key): Promise<[string, string]> => [Key, await getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key }) as any, { expiresIn: 900 })]), // expect: presign-in-loop
  );
  for (const [key] of entries) {
    console.info(key.length);
  }
  return Object.fromEntries(entries);
}

export async function one(Key: string): Promise<string> {
  return getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key }), { expiresIn: 300 });
}
