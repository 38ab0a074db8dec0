// @google-cloud/storage resolves to a one-element array: the URL is its first element
// (issue 15). Only that element is the URL; the rest of a pattern is not.
import { Storage } from "@google-cloud/storage";

const storage = new Storage();

export async function share(name, logger) {
  const [url] = await storage.bucket("b").file(name).getSignedUrl({ version: "v4", action: "read", expires: Date.now() + 600000 });
  console.log("shared", url); // expect: presigned-url-logged
  logger.info(`link ${url}`); // expect: presigned-url-logged
  return url;
}

export async function reassigned(file) {
  let link;
  [link] = await file.getSignedUrl({ action: "read", expires: Date.now() + 600000 });
  console.log(link); // expect: presigned-url-logged
}

export async function metadataOnly(file) {
  const [metadata] = await file.getMetadata();
  const [first, second] = ["a", "b"];
  console.log(metadata.size, first, second);
}
