// Presign expiries over the 7-day SigV4 ceiling (CommonJS): the signer throws or S3 rejects the
// URL. Exactly 7 days is within the limit (only over the policy).
const { S3Client, GetObjectCommand } = require("@aws-sdk/client-s3");
const { getSignedUrl } = require("@aws-sdk/s3-request-presigner");
const { createPresignedPost: presignedPost } = require("@aws-sdk/s3-presigned-post");
const presignedPostModule = require("@aws-sdk/s3-presigned-post");
const AWS = require("aws-sdk");

const client = new S3Client({ region: "eu-west-1" });
const s3 = new AWS.S3({ signatureVersion: "v4" });  // expect: presign-client-without-region
const ONE_WEEK = 7 * 24 * 60 * 60;
const THIRTY_DAYS = 30 * 24 * 60 * 60;

async function v3(key) {
  const command = new GetObjectCommand({ Bucket: "b", Key: key });
  await getSignedUrl(client, command, { expiresIn: ONE_WEEK + 1 }); // expect: expiry-exceeds-limit
  await getSignedUrl(client, command, { expiresIn: ONE_WEEK }); // expect: excessive-expiry
  const expiresIn = THIRTY_DAYS;
  return getSignedUrl(client, command, { expiresIn }); // expect: expiry-exceeds-limit
}

async function post(key) {
  return presignedPostModule.createPresignedPost(client, {
    Bucket: "uploads",
    Key: key,
    Expires: 14 * 86400, // expect: expiry-exceeds-limit
  });
}

function v2(key) {
  const params = { Bucket: "b", Key: key, Expires: 604800 * 2 }; // expect: expiry-exceeds-limit
  s3.getSignedUrl("getObject", params, (err, url) => console.log(err, url));
  return s3.getSignedUrlPromise("getObject", { Bucket: "b", Key: key, Expires: 31536000 }); // expect: expiry-exceeds-limit
}

function v2Post(key) {
  return s3.createPresignedPost({ Bucket: "b", Fields: { key }, Expires: THIRTY_DAYS }); // expect: expiry-exceeds-limit
}

module.exports = { v3, post, v2, v2Post, presignedPost };
