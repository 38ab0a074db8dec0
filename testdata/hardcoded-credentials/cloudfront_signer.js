import { getSignedUrl } from "@aws-sdk/cloudfront-signer";

// Positive: a PKCS#8 key on one line with escaped newlines.
const privateKey = "-----BEGIN PRIVATE KEY-----\nMIIEowIBAAKCAQEAUoRyj9nde9syxoAwuKmhr7jmPY72T3AVbfzx06UVZyvmbPkZ\nyRHJouZrQV3xZAxjRM8mbTgDIMRBZxjX/BpYconEG4ZgzWbmHGJR1m4jfXuX8v/h\n2/1KZNUK9IKLdbFfu0XgOYgOjC29GFfm7sFog16pAgTtpU4r16H1UrLqE9oNTJIy\nJEyFzfhbIH2denCJjluEV99TARR/rjp5B42HXtVtPLx2Vm7Pkk3+7MbjNBkM/PKs\nCTPUpP4J4N6OCZFkUUdUYXyVXtwwl6KcChuLc2iNkQkJnOkdsm2FC+R6YSRQr/+j\n-----END PRIVATE KEY-----\n"; // expect: hardcoded-credentials

export function sign(url) {
  return getSignedUrl({ url, keyPairId: "K2JCJMDEHXQW5F", privateKey, dateLessThan: new Date(Date.now() + 300000) });
}

// Negatives: placeholders.
const docsKey = "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----";
const templated = `-----BEGIN PRIVATE KEY-----\n${process.env.CF_KEY}\n-----END PRIVATE KEY-----`;
