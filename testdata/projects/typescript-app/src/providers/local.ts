import { S3Provider } from "./s3-provider";

const makeProvider = () => new S3Provider();

// The same facade over a factory of its own file.
export const presignOne = async (key: string) => makeProvider().getPresignGetUrl(key);

export const presignAll = (keys: string[]) => Promise.all(keys.map((k) => presignOne(k))); // expect: presign-in-loop
