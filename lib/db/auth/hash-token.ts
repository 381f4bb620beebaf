import "server-only";
import { createHash } from "node:crypto";

/** Sessions are looked up by this hash; the cookie value itself is never stored. */
export function hashSessionToken(sessionToken: string): string {
  return createHash("sha256").update(`hushlink-session:${sessionToken}`).digest("base64url");
}
