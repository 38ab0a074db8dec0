import { AzureProvider } from "./azure-provider";
import { S3Provider } from "./s3-provider";

let cached: S3Provider | AzureProvider | null = null;

// The backend chosen at run time: either presigns.
export const getStorageProvider = () => {
  if (!cached) {
    cached = process.env.TRANSPORT === "s3" ? new S3Provider() : new AzureProvider();
  }
  return cached;
};
