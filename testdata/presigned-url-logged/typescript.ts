// TypeScript: a presigned URL logged through a typed variable, and traps.
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

const client = new S3Client({ region: "eu-west-1" });

export async function share(Key: string): Promise<string> {
  const url: string = await getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key }), { expiresIn: 900 });
  console.warn(`presigned: ${url as string}`); // expect: presigned-url-logged
  console.log(`presigned ${Key}, valid 900 s`);
  return url;
}
