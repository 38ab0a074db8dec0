import { S3Adapter } from "./s3";

const adapter = new S3Adapter();

export async function signKey(key: string, { expiresIn = 900 } = {}) {
  return adapter.sign(key, expiresIn);
}
