import { generateBlobSASQueryParameters, BlobSASPermissions, StorageSharedKeyCredential } from "@azure/storage-blob";

export class AzureProvider {
  private credential = new StorageSharedKeyCredential("account", process.env.AZURE_KEY ?? "");

  async getPresignGetUrl(key: string): Promise<string> {
    const sas = generateBlobSASQueryParameters(
      { containerName: "docs", blobName: key, permissions: BlobSASPermissions.parse("r"), expiresOn: new Date(Date.now() + 10 * 60 * 1000) },
      this.credential,
    );
    return `https://account.blob.core.windows.net/docs/${key}?${sas.toString()}`;
  }
}
