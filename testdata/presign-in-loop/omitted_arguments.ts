// A wrapper called with fewer arguments than it declares: in JavaScript a parameter left out
// is `undefined` (a TypeScript `userId?` too), so the call still reaches the wrapper.
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

const client = new S3Client({ region: "eu-west-1" });

export async function presignGet(key: string, userId?: number, ttl: number = 600) {
  const k = userId ? `${userId}/${key}` : key;
  return getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key: k }), { expiresIn: ttl });
}

export const all = (keys: string[]) => Promise.all(keys.map((k) => presignGet(k))); // expect: presign-in-loop
export const allFor = (keys: string[], user: number) => Promise.all(keys.map((k) => presignGet(k, user))); // expect: presign-in-loop
export const long = (key: string) => presignGet(key, undefined, 86400); // expect: excessive-expiry

// Negative: one link, on demand.
export const one = (key: string) => presignGet(key);
