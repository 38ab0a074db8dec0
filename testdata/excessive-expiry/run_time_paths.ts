// One path's expiry known, another's only at run time: the known path still presigns for as
// long as it says.
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

const client = new S3Client({ region: "eu-west-1" });

type SignedDownloads = boolean | { expiresIn?: number };

export async function redirect(key: string, signedDownloads: SignedDownloads) {
  const command = new GetObjectCommand({ Bucket: "b", Key: key });
  return getSignedUrl(client, command, typeof signedDownloads === "object" ? signedDownloads : { expiresIn: 7200 }); // expect: excessive-expiry
}

export async function byRole(key: string, custom: number, admin: boolean) {
  const ttl = admin ? custom : 2 * 86400;
  return getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key: key }), { expiresIn: ttl }); // expect: excessive-expiry
}

// The longer of two literal options.
export async function either(key: string, long: boolean) {
  return getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key: key }), long ? { expiresIn: 86400 } : { expiresIn: 60 }); // expect: excessive-expiry
}

// Negative: the literal path is short.
export async function shortDefault(key: string, options: SignedDownloads) {
  const command = new GetObjectCommand({ Bucket: "b", Key: key });
  return getSignedUrl(client, command, typeof options === "object" ? options : { expiresIn: 300 });
}

// Negative: no path is known (listed with --show-unchecked).
export async function bothRunTime(key: string, a: { expiresIn: number }, b: { expiresIn: number }, pick: boolean) {
  return getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key: key }), pick ? a : b);
}

// A caller's short value: the path written in the function is still two days.
export const adminLink = (key: string) => byRole(key, 60, true);
// A caller's longer value is reported where it is written.
export const archiveLink = (key: string) => byRole(key, 5 * 86400, false); // expect: excessive-expiry
