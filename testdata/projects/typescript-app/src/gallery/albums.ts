import { albumThumbnail, thumbnailLink } from "./thumbnails";

export function coverKey(albumId: string): string | undefined {
  if (!albumId || albumId.startsWith("draft-")) return undefined;
  return `albums/${albumId}/cover.jpg`;
}

export async function parentThumbnail(albumId: string): Promise<string> {
  return albumThumbnail(albumId.slice(0, albumId.lastIndexOf("/")));
}

export async function coverLink(albumId: string, ttl: number) {
  return thumbnailLink(coverKey(albumId) ?? "placeholder.jpg", ttl);
}

export async function albumPage(albumId: string) {
  return { id: albumId, cover: await albumThumbnail(albumId) };
}
