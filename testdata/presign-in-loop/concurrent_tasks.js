// A promise's executor runs at once: made per element, it presigns once per element.
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

export function shareAll(client, keys) {
  const all = [];
  for (const key of keys) {
    all.push(new Promise((resolve) => resolve(getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key: key }), { expiresIn: 900 })))); // expect: presign-in-loop
  }
  return all;
}

// Negatives: one promise outside a loop; a function kept per element, not run.
export function shareOne(client, key) {
  return new Promise((resolve) => resolve(getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key: key }), { expiresIn: 900 })));
}

export function links(client, keys) {
  const made = [];
  for (const key of keys) {
    made.push(() => getSignedUrl(client, new GetObjectCommand({ Bucket: "b", Key: key }), { expiresIn: 900 }));
  }
  return made;
}
