#!/usr/bin/env node
// A command-line program under bin/ (issue 14, item 2): console output is for its user; a
// logger is still a log.
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import pino from "pino";

const logger = pino();
const [bucket, key] = process.argv.slice(2);
const client = new S3Client({ region: "eu-west-1" });
const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 900 });
console.log(url);
process.stdout.write(`${url}\n`);
logger.info({ url }, "presigned"); // expect: presigned-url-logged
