// AWS SDK v3 presign calls in TypeScript: type annotations, casts, enums and class fields.
import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/cloudfront-signer";
import * as presigner from "@aws-sdk/s3-request-presigner";
import type { RequestPresigningArguments } from "@smithy/types";
import postSigner = require("@aws-sdk/s3-presigned-post");

const client: S3Client = new S3Client({ region: "us-east-1" });
const TWO_DAYS: number = 2 * 24 * 60 * 60;

enum Ttl {
  Short = 15 * 60,
  Week = 7 * 24 * 3600,
}

export async function typed(key: string): Promise<string> {
  const options: RequestPresigningArguments = { expiresIn: TWO_DAYS }; // expect: excessive-expiry
  return presigner.getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key: key }), options);
}

export async function casts(key: string): Promise<string> {
  const command = new PutObjectCommand({ Bucket: "b", Key: key }) as GetObjectCommand;
  await presigner.getSignedUrl(client, command, { expiresIn: 14400 as number }); // expect: excessive-expiry
  await presigner.getSignedUrl(client!, command, { expiresIn: Ttl.Week } satisfies RequestPresigningArguments); // expect: excessive-expiry
  return presigner.getSignedUrl(client, command, { expiresIn: <number>(8 * 3600) }); // expect: excessive-expiry
}

export class Storage {
  static readonly LINK_TTL = 6 * 3600;
  private readonly uploadTtl: number = 4 * 3600;

  constructor(private readonly s3: S3Client) {}

  async share(key: string): Promise<string> {
    return presigner.getSignedUrl(this.s3, new GetObjectCommand({ Bucket: "b", Key: key }), {
      expiresIn: Storage.LINK_TTL, // expect: excessive-expiry
    });
  }

  async upload(key: string) {
    return postSigner.createPresignedPost(this.s3, { Bucket: "b", Key: key, Expires: this.uploadTtl }); // expect: excessive-expiry
  }

  async quick(key: string): Promise<string> {
    return presigner.getSignedUrl(this.s3, new GetObjectCommand({ Bucket: "b", Key: key }), { expiresIn: Ttl.Short });
  }
}

export function cdn(url: string, keyPairId: string, privateKey: string): string {
  return getSignedUrl({
    url,
    keyPairId,
    privateKey,
    dateLessThan: new Date(new Date().getTime() + 1000 * 3600 * 48), // expect: excessive-expiry
  });
}

export const handler = async (event: { key: string; ttl?: number }) => {
  // Dynamic: read from the event.
  const ttl = event.ttl ?? 900;
  return presigner.getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key: event.key }), { expiresIn: ttl });
};
