import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { encodeBase64Url } from "@/lib/crypto";

export const SECRET_ID_BYTES = 16;
export const MANAGE_TOKEN_BYTES = 32;

export function newSecretId(): string {
  return encodeBase64Url(randomBytes(SECRET_ID_BYTES));
}

export function newManageToken(): string {
  return encodeBase64Url(randomBytes(MANAGE_TOKEN_BYTES));
}

/** Only the hash is stored, so a database dump cannot burn anyone's links. */
export function hashManageToken(token: string): string {
  return encodeBase64Url(createHash("sha256").update(token, "utf8").digest());
}
