// Presigned URLs written to output or logs, and look-alikes that must stay silent.
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import pino from "pino";

const client = new S3Client({ region: "eu-west-1" });
const logger = pino();

export async function share(Key) {
  const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: "media", Key }), { expiresIn: 900 });
  console.log(url); // expect: presigned-url-logged
  const copy = url;
  console.info(`link for ${Key}: ${copy}`); // expect: presigned-url-logged
  console.error("link: " + url); // expect: presigned-url-logged
  logger.info({ url }, "presigned"); // expect: presigned-url-logged
  process.stdout.write(url); // expect: presigned-url-logged
  console.debug(await getSignedUrl(client, new GetObjectCommand({ Bucket: "media", Key }))); // expect: presigned-url-logged
  return url;
}

// --- Precision traps: all silent. ---

export async function handler(req, res) {
  const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: "media", Key: req.params.key }), { expiresIn: 300 });
  console.log("presigned", req.params.key, "for 300 s");
  logger.info({ key: req.params.key, expiresIn: 300 });
  res.json({ url });
  return res.redirect(url);
}

export function publicLink(Key) {
  const url = `https://media.example.com/${Key}`;
  console.log(url);
}

// A `getSignedUrl` of another module is not the presigner.
export function local(getSignedUrl2, Key) {
  const url = getSignedUrl2(Key);
  console.log(url);
}
