// The workspace's own package, imported by its name: its wrapper is followed.
import { signDownload } from "@acme/lib/upload/sign";

export async function mailAll(keys: string[]) {
  for (const key of keys) {
    await signDownload(key); // expect: presign-in-loop
  }
}

export const archiveLink = (key: string) => signDownload(key, 7 * 86400); // expect: excessive-expiry
