import { signKey } from "./storage";

// Defaults given in the body: the caller's value wins when there is one.
export async function linkOrDefault(key: string, ttl?: number) {
  return signKey(key, { expiresIn: ttl ?? 600 });
}

export async function dayUnlessGiven(key: string, ttl?: number) {
  if (!ttl) ttl = 86400;
  return signKey(key, { expiresIn: ttl });
}

export async function archive(key: string) {
  return linkOrDefault(key, 2 * 86400); // expect: excessive-expiry
}

export async function thumbnail(key: string) {
  return linkOrDefault(key, 300);
}

export async function nightly(key: string) {
  return dayUnlessGiven(key, 3 * 86400); // expect: excessive-expiry
}

// A default handed on inside an options object, to a wrapper with a default of its own.
export async function longLink(key: string, ttl = 36000) {
  return signKey(key, { expiresIn: ttl });
}

export async function share(key: string) {
  return longLink(key); // expect: excessive-expiry
}

// `||=` fills in a default only when the caller gave none.
export async function filled(key: string, ttl?: number) {
  ttl ||= 900;
  return signKey(key, { expiresIn: ttl });
}

export async function weekly(key: string) {
  return filled(key, 2 * 86400); // expect: excessive-expiry
}

export async function brief(key: string) {
  return filled(key, 60);
}

// A default given in the body applies to a call that leaves the argument out.
export async function linkOrDay(key: string, ttl?: number) {
  return signKey(key, { expiresIn: ttl ?? 86400 });
}

export async function dayByDefault(key: string) {
  return linkOrDay(key); // expect: excessive-expiry
}

export async function shortByDefault(key: string) {
  return linkOrDefault(key);
}
