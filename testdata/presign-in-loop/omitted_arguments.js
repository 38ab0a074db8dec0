// Plain JavaScript: a parameter most callers leave out does not hide the wrapper.
const { GetObjectCommand, S3Client } = require("@aws-sdk/client-s3");
const { getSignedUrl } = require("@aws-sdk/s3-request-presigner");

const client = new S3Client({ region: "eu-west-1" });

async function presign(key, prefix) {
  return getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key: (prefix || "") + key }), { expiresIn: 600 });
}

const all = (keys) => Promise.all(keys.map((k) => presign(k))); // expect: presign-in-loop
const allUnder = (keys) => Promise.all(keys.map((k) => presign(k, "p/"))); // expect: presign-in-loop
const one = (key) => presign(key);

module.exports = { all, allUnder, one };
