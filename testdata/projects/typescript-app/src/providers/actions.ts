import { S3Provider } from "./s3-provider";

export const getStorageProvider = () => new S3Provider();

// A facade named like the provider method it forwards to, on the object a factory makes.
export const getPresignGetUrl = async (key: string) => getStorageProvider().getPresignGetUrl(key);
