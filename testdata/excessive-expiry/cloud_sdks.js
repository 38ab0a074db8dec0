// GCS, Azure SAS, MinIO and other clouds in Node (issue 15).
import { Storage } from "@google-cloud/storage";
import { generateBlobSASQueryParameters, generateAccountSASQueryParameters, BlobSASPermissions } from "@azure/storage-blob";
import * as Minio from "minio";
import OSS from "ali-oss";
import qiniu from "qiniu";

const storage = new Storage();
const DAY_MS = 24 * 60 * 60 * 1000;

// GCS: `expires` is anything `new Date()` takes; only a V4 URL is capped at 7 days.
export async function gcsV4(name) {
  const [url] = await storage.bucket("b").file(name).getSignedUrl({ version: "v4", action: "read", expires: Date.now() + 30 * DAY_MS }); // expect: expiry-exceeds-limit
  return url;
}

export async function gcsV2(file) {
  const [url] = await file.getSignedUrl({ action: "read", expires: Date.now() + 30 * DAY_MS }); // expect: excessive-expiry
  return url;
}

export async function gcsOptionsObject(file) {
  const options = { version: "v4", action: "write", expires: Date.now() + 2 * 60 * 60 * 1000 }; // expect: excessive-expiry
  const [url] = await file.getSignedUrl(options);
  return url;
}

// Azure SAS.
export function azureBlob(cred, container, blob) {
  return generateBlobSASQueryParameters({ containerName: container, blobName: blob, permissions: BlobSASPermissions.parse("rw"), expiresOn: new Date(Date.now() + 30 * DAY_MS) }, cred).toString(); // expect: excessive-expiry
}

export function azureAccount(cred) {
  return generateAccountSASQueryParameters({ expiresOn: new Date(new Date().valueOf() + 365 * DAY_MS), permissions: "r", services: "b", resourceTypes: "o" }, cred); // expect: excessive-expiry
}

export async function azureShortcut(blobClient) {
  return blobClient.generateSasUrl({ permissions: BlobSASPermissions.parse("r"), expiresOn: new Date(Date.now() + DAY_MS) }); // expect: excessive-expiry
}

export async function azureAccountDefault(serviceClient) {
  return serviceClient.generateAccountSasUrl(); // default: one hour, within the policy
}

// MinIO: seconds, default 7 days.
const minio = new Minio.Client({ endPoint: "play.min.io", useSSL: true });
export const minioDefault = () => minio.presignedGetObject("b", "o"); // expect: excessive-expiry
export const minioLong = () => minio.presignedPutObject("b", "o", 8 * 24 * 60 * 60); // expect: expiry-exceeds-limit
export const minioUrl = () => minio.presignedUrl("GET", "b", "o", 12 * 60 * 60); // expect: excessive-expiry
export const minioShort = () => minio.presignedGetObject("b", "o", 600);

// Aliyun OSS and Qiniu.
const oss = new OSS({ region: "oss-cn-hangzhou", bucket: "b" });
export const ossLong = (name) => oss.signatureUrl(name, { expires: 86400 * 30, method: "GET" }); // expect: excessive-expiry
export const ossDefault = (name) => oss.signatureUrl(name); // default 1800 s
export const qiniuLong = (bucketManager, domain, key) => bucketManager.privateDownloadUrl(domain, key, Math.floor(Date.now() / 1000) + 3600 * 24 * 365 * 20); // expect: excessive-expiry

// Traps: an unrelated `expires` field, a cookie, aws-sdk v2's getSignedUrl still read as before.
export function traps(res, cache, s3) {
  res.cookie("seen", "1", { expires: new Date(Date.now() + 365 * DAY_MS) });
  cache.set("k", { expires: Date.now() + 30 * DAY_MS });
  return s3.getSignedUrl("getObject", { Bucket: "b", Key: "k", Expires: 600 });
}

// Tencent COS and Huawei OBS in the browser and Node.
export const cosSigned = (cos, key) => cos.getObjectUrl({ Bucket: "b-125", Region: "ap-guangzhou", Key: key, Sign: true, Expires: 86400 }); // expect: excessive-expiry
export const cosUnsigned = (cos, key) => cos.getObjectUrl({ Bucket: "b-125", Region: "ap-guangzhou", Key: key, Sign: false });
export const cosDefault = (cos, key) => cos.getObjectUrl({ Bucket: "b-125", Region: "ap-guangzhou", Key: key, Sign: true });
export const obsSigned = (obsClient, key) => obsClient.createSignedUrlSync({ Method: "GET", Bucket: "b", Key: key, Expires: 3600 * 24 }); // expect: excessive-expiry
