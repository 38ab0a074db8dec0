import { signKey } from "../storage";
import { coverKey, coverLink, parentThumbnail } from "./albums";

export async function thumbnailLink(key: string, ttl: number) {
  return signKey(`thumbs/${key}`, { expiresIn: ttl });
}

export async function albumThumbnail(albumId: string): Promise<string> {
  // An album without a cover shows its parent's: albums.ts calls back into this module.
  const key = coverKey(albumId);
  if (key === undefined) {
    return parentThumbnail(albumId);
  }
  return thumbnailLink(key, 600);
}

export async function banner(albumId: string) {
  return coverLink(albumId, 2 * 86400); // expect: excessive-expiry
}
