import { getStorageProvider } from "./index";

// A facade named like the provider method it forwards to, on the object an imported
// factory makes: whichever provider it is, the call presigns.
export const getPresignGetUrl = async (key: string) => getStorageProvider().getPresignGetUrl(key);
