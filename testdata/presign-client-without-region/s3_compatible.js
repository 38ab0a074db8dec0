// S3-compatible stores (issue 15): R2, B2 and MinIO endpoints do not need the bucket's region.
import { S3Client, GetObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

const r2 = new S3Client({ region: "auto", endpoint: `https://${process.env.ACCOUNT_ID}.r2.cloudflarestorage.com` });
const b2 = new S3Client({ endpoint: "https://s3.eu-central-003.backblazeb2.com" });
const minio = new S3Client({ endpoint: process.env.S3_ENDPOINT, forcePathStyle: true });
const aws = new S3Client({ endpoint: "https://s3.eu-west-1.amazonaws.com" }); // expect: presign-client-without-region

const command = (key) => new GetObjectCommand({ Bucket: "b", Key: key });

export const fromR2 = (key) => getSignedUrl(r2, command(key), { expiresIn: 600 });
export const fromB2 = (key) => getSignedUrl(b2, command(key), { expiresIn: 600 });
export const fromMinio = (key) => getSignedUrl(minio, command(key), { expiresIn: 600 });
export const fromAws = (key) => getSignedUrl(aws, command(key), { expiresIn: 600 });
