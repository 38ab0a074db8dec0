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

// A bound on a value is the smaller (or larger) of the two, as Math.min says: a cap at the
// signing limit does not make a short default long, and a floor makes a short value long.
const MAX_EXPIRES = 7 * 24 * 3600;
const DAY = 86400;
export function cappedLink(key) {
  let ttl = Number(process.env.URL_TTL ?? 300);
  if (ttl > MAX_EXPIRES) ttl = MAX_EXPIRES;
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: "b", Key: key }), { expiresIn: ttl });
}
export const cappedTernary = (key) => {
  const ttl = Number(process.env.URL_TTL ?? 300);
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: "b", Key: key }), { expiresIn: ttl > MAX_EXPIRES ? MAX_EXPIRES : ttl });
};
export function flooredLink(key) {
  let ttl = Number(process.env.URL_TTL ?? 300);
  if (ttl < DAY) {
    ttl = DAY;
  }
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: "b", Key: key }), { expiresIn: ttl }); // expect: excessive-expiry
}
export const flooredTernary = (key) => {
  const ttl = Number(process.env.URL_TTL ?? 300);
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: "b", Key: key }), { expiresIn: DAY > ttl ? DAY : ttl }); // expect: excessive-expiry
};
// Trap: a test of something else keeps both paths: the longest is reported.
export function adminOnly(key, admin) {
  let ttl = 300;
  if (admin) ttl = DAY;
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: "b", Key: key }), { expiresIn: ttl }); // expect: excessive-expiry
}
