// Command-line rule (issue 14, item 2): a Node program that reads its options with node:util's
// parseArgs prints the URL for the person who runs it; a logger call stays a finding.
import { parseArgs } from "node:util";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import pino from "pino";

const logger = pino();

const main = async ({ bucket, key }) => {
  const client = new S3Client({ region: "eu-west-1" });
  const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 300 });
  console.log(url);
  logger.info({ url }, "shared"); // expect: presigned-url-logged
};

const { values } = parseArgs({ options: { bucket: { type: "string" }, key: { type: "string" } } });
main(values);
