import jwt from "jsonwebtoken";

// A library's `sign` is not the project's.
export function token(payload: object) {
  return jwt.sign(payload, "secret", { expiresIn: 604800 });
}
