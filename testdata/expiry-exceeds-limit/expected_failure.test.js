// Tests that the SDK refuses an expiry over its limit: made to fail, the call signs nothing.
import { S3Client, GetObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import assert from "node:assert";

const client = new S3Client({ region: "us-east-1" });
const command = new GetObjectCommand({ Bucket: "b", Key: "k" });
const EIGHT_DAYS = 8 * 24 * 3600;

test("rejects eight days", async () => {
  await expect(getSignedUrl(client, command, { expiresIn: EIGHT_DAYS })).rejects.toThrow();
  expect(() => getSignedUrl(client, command, { expiresIn: EIGHT_DAYS })).toThrow(/expires/);
  await assert.rejects(() => getSignedUrl(client, command, { expiresIn: EIGHT_DAYS }));
});

test("a negated assertion expects the call to succeed", async () => {
  await expect(getSignedUrl(client, command, { expiresIn: EIGHT_DAYS })).resolves.not.toThrow(); // expect: expiry-exceeds-limit
  expect(() => getSignedUrl(client, command, { expiresIn: EIGHT_DAYS })).not.toThrow(); // expect: expiry-exceeds-limit
});
