// The other implementation of the same storage method: it signs nothing.
export class LocalFiles {
  public getSignedUrl = async (key: string, expiresIn = 300) => `/files/${key}?ttl=${expiresIn}`;
}
