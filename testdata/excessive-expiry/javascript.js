// AWS SDK v3 and v2 presign calls in JavaScript (ESM): expiries over 1 hour.
import { S3Client, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl, S3RequestPresigner } from "@aws-sdk/s3-request-presigner";
import * as cloudfront from "@aws-sdk/cloudfront-signer";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import AWS from "aws-sdk";

const client = new S3Client({ region: "eu-west-1" });
const s3 = new AWS.S3({ signatureVersion: "v4" });  // expect: presign-client-without-region
const ONE_DAY = 60 * 60 * 24;
const config = { presign: { ttl: 2 * 60 * 60 } };

export async function download(key) {
  const command = new GetObjectCommand({ Bucket: "reports", Key: key });
  return await getSignedUrl(client, command, { expiresIn: 86400 }); // expect: excessive-expiry
}

export async function namedConstant(key) {
  return getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key: key }), {
    expiresIn: ONE_DAY, // expect: excessive-expiry
  });
}

export async function shorthand(key) {
  const expiresIn = 24 * 60 * 60;
  const command = new PutObjectCommand({ Bucket: "uploads", Key: key });
  return getSignedUrl(client, command, { expiresIn }); // expect: excessive-expiry
}

export async function optionsBoundEarlier(key) {
  const opts = { expiresIn: 3 * 3600 }; // expect: excessive-expiry
  return getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key: key }), opts);
}

export async function nestedConfig(key) {
  return getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key: key }), {
    expiresIn: config.presign.ttl, // expect: excessive-expiry
  });
}

export async function fromMilliseconds(key) {
  const lifetimeMs = 2 * 60 * 60 * 1000;
  const command = new GetObjectCommand({ Bucket: "b", Key: key });
  return getSignedUrl(client, command, { expiresIn: Math.floor(lifetimeMs / 1000) }); // expect: excessive-expiry
}

export async function lowLevel(request) {
  const presigner = new S3RequestPresigner({ ...client.config });
  return presigner.presign(request, { expiresIn: 7200 }); // expect: excessive-expiry
}

export async function lowLevelInline(request) {
  return new S3RequestPresigner(client.config).presign(request, { expiresIn: (12 * 3600) }); // expect: excessive-expiry
}

export async function uploadForm(key) {
  return createPresignedPost(client, {
    Bucket: "uploads",
    Key: key,
    Conditions: [["content-length-range", 0, 10485760]],
    Expires: 1.5 * 3600, // expect: excessive-expiry
  });
}

export function cloudfrontUrl(url, keyPairId, privateKey) {
  return cloudfront.getSignedUrl({
    url,
    keyPairId,
    privateKey,
    dateLessThan: new Date(Date.now() + 1000 * 60 * 60 * 24 * 30), // expect: excessive-expiry
  });
}

export function cloudfrontIsoString(url, keyPairId, privateKey) {
  // A shorthand property: the finding points at it, the message shows the binding.
  const dateLessThan = new Date(Date.now() + 6 * 60 * 60 * 1000).toISOString();
  return cloudfront.getSignedUrl({ url, keyPairId, privateKey, dateLessThan }); // expect: excessive-expiry
}

export function cloudfrontCookies(url, keyPairId, privateKey) {
  return cloudfront.getSignedCookies({
    url,
    keyPairId,
    privateKey,
    dateLessThan: new Date(Date.now() + 1000 * 60 * 60 * 12), // expect: excessive-expiry
  });
}

// AWS SDK v2.
export function v2(key) {
  return s3.getSignedUrl("getObject", { Bucket: "b", Key: key, Expires: 86400 }); // expect: excessive-expiry
}

export async function v2Promise(key) {
  const params = { Bucket: "b", Key: key, Expires: 60 * 60 * 5 }; // expect: excessive-expiry
  return s3.getSignedUrlPromise("putObject", params);
}

export function v2Post(key) {
  return s3.createPresignedPost({ Bucket: "b", Fields: { key }, Expires: 10800 }); // expect: excessive-expiry
}

export function v2Request(key) {
  return s3.getObject({ Bucket: "b", Key: key }).presign(43200); // expect: excessive-expiry
}

// Within policy: silent.
export async function fine(key, request) {
  const command = new GetObjectCommand({ Bucket: "b", Key: key });
  await getSignedUrl(client, command, { expiresIn: 900 });
  await getSignedUrl(client, command, { expiresIn: 3600 });
  await getSignedUrl(client, command); // default 900
  await new S3RequestPresigner(client.config).presign(request); // default 900
  await createPresignedPost(client, { Bucket: "b", Key: key }); // default 3600: at the limit
  s3.getSignedUrl("getObject", { Bucket: "b", Key: key }); // default 900
  s3.getSignedUrl("getObject", { Bucket: "b", Key: key, Expires: 300 });
  // An absolute date string is not a duration: not checked.
  cloudfront.getSignedUrl({ url: "https://d111111abcdef8.cloudfront.net/a.png", keyPairId: "K2JCJMDEHXQW5F", privateKey: "k", dateLessThan: "2030-01-01" });
  cloudfront.getSignedUrl({ url: "https://d111111abcdef8.cloudfront.net/a.png", keyPairId: "K2JCJMDEHXQW5F", privateKey: "k", dateLessThan: new Date(Date.now() + 15 * 60 * 1000) });
  cloudfront.getSignedCookies({ url: "https://d111111abcdef8.cloudfront.net/a.png", keyPairId: "K2JCJMDEHXQW5F", privateKey: "k", dateLessThan: new Date(Date.now() + 15 * 60 * 1000) });
}

// Dynamic values are counted, never guessed: the parameter shadows the module constant.
const ttl = 604800;

export async function dynamic(key, ttl) {
  return getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key: key }), { expiresIn: ttl });
}

export const arrow = async (key, { expiresIn }) =>
  getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key: key }), { expiresIn });

// Options filled in after they are bound: the assignment is read.
export async function assigned(key) {
  const options = {};
  options.expiresIn = 7 * 24 * 3600; // expect: excessive-expiry
  return getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key: key }), options);
}
