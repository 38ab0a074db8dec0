import * as attachments from "./attachments";
import { Time } from "./time";

export async function download(ids: string[]) {
  return attachments.sign(ids, 4 * Time.day); // expect: excessive-expiry
}

export async function quick(ids: string[]) {
  return attachments.sign(ids, 10 * Time.minute);
}

export async function fromRequest(ids: string[], req: { ttl: number }) {
  return attachments.sign(ids, req.ttl);
}
