import Files from "@src/files";

export async function render(keys: string[], options?: { signedUrls?: number }) {
  const out: string[] = [];
  for (const key of keys) {
    // Signs only when asked to.
    out.push(options?.signedUrls ? await Files.getSignedUrl(key, options.signedUrls) : key); // expect: presign-in-loop
  }
  return out;
}

export async function email(key: string) {
  // Clamped by the implementation to MAX (3 days): that is what is reported.
  return Files.getSignedUrl(key, 4 * 86400); // expect: excessive-expiry
}

export async function page(keys: string[]) {
  // One call of a function that presigns in its own loop: reported there, not here.
  return render(keys, { signedUrls: 600 });
}

// Without `signedUrls` nothing is signed.
export async function plain(keys: string[]) {
  return render(keys);
}
