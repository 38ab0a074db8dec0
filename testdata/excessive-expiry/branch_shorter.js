// excessive-expiry: a ternary's longest value is what the code may presign with.
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

const s3 = new S3Client({ region: "eu-west-1" });

export const adminLink = (key, admin) =>
  getSignedUrl(s3, new GetObjectCommand({ Bucket: "b", Key: key }), {
    expiresIn: admin ? 86400 : 600, // expect: excessive-expiry
  });

// Negatives: both values short; one of them set at run time (unchecked, not guessed).
export const shortLink = (key, retry) =>
  getSignedUrl(s3, new GetObjectCommand({ Bucket: "b", Key: key }), { expiresIn: retry ? 600 : 300 });
export const optionLink = (key, opts) =>
  getSignedUrl(s3, new GetObjectCommand({ Bucket: "b", Key: key }), { expiresIn: opts.long ? opts.ttl : 300 });
