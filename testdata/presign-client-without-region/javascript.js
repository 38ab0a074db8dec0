// presign-client-without-region: AWS SDK for JavaScript v3 and v2.
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { baseConfig } from "./aws";
const AWS = require("aws-sdk");

const client = new S3Client({}); // expect: presign-client-without-region
export const reportUrl = (Key) =>
  getSignedUrl(client, new GetObjectCommand({ Bucket: "eu-reports", Key }), { expiresIn: 900 });

const legacy = new AWS.S3({ signatureVersion: "v4" }); // expect: presign-client-without-region
export const legacyUrl = (Key) => legacy.getSignedUrl("getObject", { Bucket: "b", Key, Expires: 60 });

// Negatives: a region in the options, through a shorthand, a spread of imported options, a parameter.
const region = process.env.AWS_REGION;
const regional = new S3Client({ region });
export const a = (Key) => getSignedUrl(regional, new GetObjectCommand({ Bucket: "b", Key }), { expiresIn: 60 });
const spread = new S3Client({ ...baseConfig, forcePathStyle: true });
export const b = (Key) => getSignedUrl(spread, new GetObjectCommand({ Bucket: "b", Key }), { expiresIn: 60 });
export const c = (s3, Key) => getSignedUrl(s3, new GetObjectCommand({ Bucket: "b", Key }), { expiresIn: 60 });
export const options = (opts) => new S3Client(opts);
const noRegionUnused = new S3Client({});
export const list = () => noRegionUnused.send(new GetObjectCommand({ Bucket: "b", Key: "k" }));
