// Presign calls that run once per element, and look-alikes that must stay silent.
import { GetObjectCommand, PutObjectCommand, UploadPartCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { getSignedUrl as signCloudFront } from "@aws-sdk/cloudfront-signer";

const client = new S3Client({ region: "eu-west-1" });

export async function gallery(keys) {
  return Promise.all(
    keys.map((Key) => getSignedUrl(client, new GetObjectCommand({ Bucket: "media", Key }), { expiresIn: 900 })), // expect: presign-in-loop
  );
}

export async function uploads(keys) {
  const out = [];
  for (const Key of keys) {
    out.push(await getSignedUrl(client, new PutObjectCommand({ Bucket: "media", Key }), { expiresIn: 600 })); // expect: presign-in-loop
  }
  let i = 0;
  while (i < keys.length) {
    out.push(await getSignedUrl(client, new GetObjectCommand({ Bucket: "media", Key: keys[i++] }))); // expect: presign-in-loop
  }
  keys.forEach(async function (Key) {
    await getSignedUrl(client, new GetObjectCommand({ Bucket: "media", Key })); // expect: presign-in-loop
  });
  return out;
}

export const cdnLinks = (paths) =>
  paths.flatMap((p) => [signCloudFront({ url: `https://cdn.example.com/${p}`, keyPairId: "K", privateKey: "pk", dateLessThan: new Date(Date.now() + 600000) })]); // expect: presign-in-loop

// A batch helper by its name.
export async function presignAll(Key) {
  return getSignedUrl(client, new GetObjectCommand({ Bucket: "media", Key })); // expect: presign-in-loop
}

// --- Precision traps: all silent. ---

// One URL per request.
export async function download(req, res) {
  const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: "media", Key: req.params.key }), { expiresIn: 300 });
  res.json({ url });
}

// A function created in a loop but not called by it.
const handlers = [];
for (const Key of ["a", "b"]) {
  handlers.push(async () => getSignedUrl(client, new GetObjectCommand({ Bucket: "media", Key })));
}

// `.map` over the result of one presign call: the call itself runs once.
export async function once() {
  const urls = [await getSignedUrl(client, new GetObjectCommand({ Bucket: "media", Key: "a" }))];
  return urls.map((u) => u.length);
}

// The receiver of `.map` is evaluated once, not per element.
export async function receiver() {
  return [await getSignedUrl(client, new GetObjectCommand({ Bucket: "media", Key: "a" }))].map((u) => u.length);
}

// Same names, other libraries: a local getSignedUrl that is not the presigner.
const signer = { getSignedUrlFor: (k) => `/files/${k}` };
for (const k of ["a"]) {
  signer.getSignedUrlFor(k);
}

// The parts of one multipart upload are presigned together by design.
export async function partUrls(UploadId, count) {
  const parts = [];
  for (let PartNumber = 1; PartNumber <= count; PartNumber++) {
    parts.push(await getSignedUrl(client, new UploadPartCommand({ Bucket: "media", Key: "big", UploadId, PartNumber }), { expiresIn: 900 }));
  }
  return parts;
}

// An async IIFE per key runs once per element.
export function fanout(keys) {
  for (const key of keys) {
    (async () => {
      await getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key: key }), { expiresIn: 300 }); // expect: presign-in-loop
    })();
  }
}

// Trap: an endless loop waits for a message per pass: one URL per message; a loop over a
// batch inside it is one, and so is a loop while a test holds.
export async function worker(queue) {
  while (true) {
    const key = await queue.next();
    await getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key: key }), { expiresIn: 300 });
    for (const k of key.related) {
      await getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key: k }), { expiresIn: 300 }); // expect: presign-in-loop
    }
  }
}
export async function drain(queue) {
  for (;;) {
    await getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key: await queue.next() }), { expiresIn: 300 });
  }
}
export async function pending(queue) {
  while (queue.length) {
    await getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key: queue.pop() }), { expiresIn: 300 }); // expect: presign-in-loop
  }
}
