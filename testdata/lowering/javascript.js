import { S3Client, GetObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
const { ttl } = require("./config");

const LINK_TTL = 15 * 60;
const client = new S3Client({ region: "eu-west-1" });

export async function share(key, { expiresIn = LINK_TTL } = {}) {
  const command = new GetObjectCommand({ Bucket: "media", Key: key });
  return getSignedUrl(client, command, { expiresIn });
}

function names(keys) {
  for (const key of keys) {
    console.log(key.toUpperCase());
  }
  return keys.map((k) => k.trim());
}

const window = process.env.URL_TTL ?? 900;
const label = `${names([]).length} links`;
