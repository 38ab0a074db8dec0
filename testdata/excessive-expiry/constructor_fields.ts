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

interface ProviderOptions {
  bucket: string;
  download_file_duration?: number;
}

export class FileProvider {
  // The options a framework constructs the provider with: the default is what it runs with
  // unless they set the duration.
  protected config_: { bucket: string; downloadFileDuration: number };
  private client = new S3Client({ region: "eu-west-1" });

  constructor(options: ProviderOptions) {
    this.config_ = {
      bucket: options.bucket,
      downloadFileDuration: options.download_file_duration ?? 24 * 60 * 60,
    };
  }

  download(key: string) {
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.config_.bucket, Key: key }), { expiresIn: this.config_.downloadFileDuration }); // expect: excessive-expiry
  }
}

export class ShortProvider {
  private ttl: number;
  private client = new S3Client({ region: "eu-west-1" });

  constructor(options: ProviderOptions) {
    this.ttl = options.download_file_duration || 600;
  }

  download(key: string) {
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: "b", Key: key }), { expiresIn: this.ttl });
  }
}

export class NoDefault {
  // Trap: the option alone, with nothing to fall back on: set at run time.
  private ttl: number;
  private client = new S3Client({ region: "eu-west-1" });

  constructor(options: { ttl: number }) {
    this.ttl = options.ttl;
  }

  download(key: string) {
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: "b", Key: key }), { expiresIn: this.ttl });
  }
}
