// Defaults behind a lookup (issue 14, item 7): the fallback of an environment or config lookup
// is the value the program runs with when the setting is not set.
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import config from "./config.js";

const LINK_TTL = Number(process.env.LINK_TTL ?? 3 * 3600);

export const nullish = (client, cmd) => getSignedUrl(client, cmd, { expiresIn: process.env.URL_TTL ?? 86400 }); // expect: excessive-expiry
export const falsy = (client, cmd) => getSignedUrl(client, cmd, { expiresIn: Number(process.env.URL_TTL) || 86400 }); // expect: excessive-expiry
export const parsed = (client, cmd) => getSignedUrl(client, cmd, { expiresIn: parseInt(process.env["URL_TTL"] || "7200", 10) }); // expect: excessive-expiry
export const constant = (client, cmd) => getSignedUrl(client, cmd, { expiresIn: LINK_TTL }); // expect: excessive-expiry
export const viteEnv = (client, cmd) => getSignedUrl(client, cmd, { expiresIn: Number(import.meta.env.VITE_URL_TTL ?? 10800) }); // expect: excessive-expiry
export const configured = (client, cmd) => getSignedUrl(client, cmd, { expiresIn: config.urlTtl ?? 14400 }); // expect: excessive-expiry
export const overLimit = (client, cmd) => getSignedUrl(client, cmd, { expiresIn: Number(process.env.URL_TTL ?? 8 * 86400) }); // expect: expiry-exceeds-limit

// --- Traps: all silent. ---

export const short = (client, cmd) => getSignedUrl(client, cmd, { expiresIn: Number(process.env.URL_TTL ?? 900) });
export const unset = (client, cmd) => getSignedUrl(client, cmd, { expiresIn: Number(process.env.URL_TTL) });

// The program's own object holds the key: its value wins over the fallback.
const settings = { urlTtl: 600 };
export const written = (client, cmd) => getSignedUrl(client, cmd, { expiresIn: settings.urlTtl ?? 604800 });

// An options parameter is the caller's, not a setting.
export const options = (client, cmd, opts) => getSignedUrl(client, cmd, { expiresIn: opts.expiresIn ?? 900 });
