// A default that an option overrides only when given (issue 15, item 6).
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

export async function sign(client, command, options) {
  let expiresIn = 86400;
  if (options.expiresIn) {
    expiresIn = options.expiresIn;
  }
  return getSignedUrl(client, command, { expiresIn }); // expect: excessive-expiry
}

export async function signUnlessNull(client, command, options) {
  let expiresIn = 7200;
  if (options.expiresIn !== undefined) {
    expiresIn = options.expiresIn;
  }
  return getSignedUrl(client, command, { expiresIn }); // expect: excessive-expiry
}

// Overridden under an unrelated test: every other caller's URL lives a day.
export async function signAdmin(client, command, options) {
  let expiresIn = 86400;
  if (options.admin) {
    expiresIn = options.expiresIn;
  }
  return getSignedUrl(client, command, { expiresIn }); // expect: excessive-expiry
}
