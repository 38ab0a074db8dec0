import { S3Client, GetObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import BaseFiles from "./BaseFiles";

const client = new S3Client({ region: "eu-west-1" });

// A static the class inherits from the base another module exports by default.
export class CdnFiles extends BaseFiles {
  public async sign(key: string, expiresIn = CdnFiles.defaultTtl) {
    return getSignedUrl(client, new GetObjectCommand({ Bucket: "cdn", Key: key }), { expiresIn });
  }

  public async preview(key: string) {
    return getSignedUrl(client, new GetObjectCommand({ Bucket: "cdn", Key: key }), { expiresIn: CdnFiles.defaultTtl }); // expect: excessive-expiry
  }
}

// `sign` is also the name of other functions of the project: the class made here is this one.
export const cdnLink = (key: string) => new CdnFiles().sign(key); // expect: excessive-expiry

const cdn = new CdnFiles();
export const cdnPreview = (key: string) => cdn.sign(key, 600);
export const cdnArchive = (key: string) => cdn.sign(key, 7 * 86400); // expect: excessive-expiry
