// Fields a class's constructor sets, read by its other methods.
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

const DAY = 24 * 60 * 60;

export class ReportLinks {
  private ttl: number;
  private options: { expiresIn: number };
  private client = new S3Client({ region: "eu-west-1" });

  constructor(private bucket: string) {
    this.ttl = 2 * DAY;
    this.options = { expiresIn: 3 * DAY };
  }

  report(key: string) {
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucket, Key: key }), { expiresIn: this.ttl }); // expect: excessive-expiry
  }

  download(key: string) {
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucket, Key: key }), { expiresIn: this.options.expiresIn }); // expect: excessive-expiry
  }
}

export class ShortLinks {
  private ttl: number;
  private client = new S3Client({ region: "eu-west-1" });

  constructor() {
    this.ttl = 300;
  }

  link(key: string) {
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: "b", Key: key }), { expiresIn: this.ttl });
  }
}

export class Retuned {
  // Trap: a method sets the field again.
  private ttl = 60;
  private client = new S3Client({ region: "eu-west-1" });

  constructor() {
    this.ttl = 2 * DAY;
  }

  shorten() {
    this.ttl = 60;
  }

  link(key: string) {
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: "b", Key: key }), { expiresIn: this.ttl });
  }
}
