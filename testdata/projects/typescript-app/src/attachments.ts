import { signKey } from "./storage";
import { Time } from "./time";

export async function sign(ids: string[], ttl: number) {
  return Promise.all(ids.map((id) => signKey(`att/${id}`, { expiresIn: ttl }))); // expect: presign-in-loop
}

export async function preview(id: string) {
  const url = await signKey(`att/${id}`, { expiresIn: 5 * Time.minute });
  console.log("preview", url); // expect: presigned-url-logged
  return url;
}
