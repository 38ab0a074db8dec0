import { getPresignGetUrl } from "./actions";

export const attachAll = (keys: string[]) => Promise.all(keys.map((k) => getPresignGetUrl(k))); // expect: presign-in-loop
