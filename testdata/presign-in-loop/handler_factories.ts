// A factory of a presigning handler builds the handler and signs nothing: calling it once per
// collection at set-up is no batch. Calling the handler, or a function that presigns now, is.
import { S3Client, PutObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

const client = new S3Client({ region: "eu-west-1" });

export const makeUploadHandler = ({ bucket }: { bucket: string }) => {
  return async ({ filename }: { filename: string }) => {
    const url = await getSignedUrl(client, new PutObjectCommand({ Bucket: bucket, Key: filename }), { expiresIn: 600 });
    return { url };
  };
};

export const makeAdapter = (bucket: string) => ({
  name: "s3",
  generate: makeUploadHandler({ bucket }),
});

export function handlers(bucket: string) {
  return {
    upload: async (key: string) => getSignedUrl(client, new PutObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 600 }),
  };
}

export const factoryOnly = (bucket: string) => makeUploadHandler({ bucket });

// Negative: set-up, one handler per collection.
export const configure = (collections: { slug: string; bucket: string }[]) =>
  collections.reduce((acc, c) => ({ ...acc, [c.slug]: makeAdapter(c.bucket) }), {});

export const configureEach = (buckets: string[]) => buckets.map((b) => factoryOnly(b));

export function configureHandlers(buckets: string[]) {
  const out = [];
  for (const b of buckets) {
    out.push(handlers(b));
  }
  return out;
}

// A function that presigns when it runs, and returns a closure too.
export async function presignNow(key: string) {
  const url = await getSignedUrl(client, new PutObjectCommand({ Bucket: "b", Key: key }), { expiresIn: 600 });
  return () => url;
}

// A function whose returned value is computed by a callback that runs now.
export function presignAll(keys: string[]) {
  return keys.map((k) => getSignedUrl(client, new PutObjectCommand({ Bucket: "b", Key: k }), { expiresIn: 600 })); // expect: presign-in-loop
}

export async function batch(keys: string[]) {
  for (const key of keys) {
    await presignNow(key); // expect: presign-in-loop
  }
}
