import "server-only";
import { createHash, randomFillSync } from "node:crypto";

export const SECRET_ID_BYTES = 16;
export const MANAGE_TOKEN_BYTES = 32;

/** Random bytes drawn from the OS in one call per 4 KiB rather than one per id or token. */
const RANDOM_POOL_BYTES = 4_096;
const randomPool = Buffer.alloc(RANDOM_POOL_BYTES);
let randomPoolOffset = RANDOM_POOL_BYTES;

/**
 * Fresh CSPRNG bytes. Each byte of the pool is handed out once and the pool is refilled in
 * place only after it is used up, so no two callers ever share bytes.
 */
function drawRandom(length: number): Buffer {
  if (randomPoolOffset + length > RANDOM_POOL_BYTES) {
    randomFillSync(randomPool);
    randomPoolOffset = 0;
  }
  const bytes = randomPool.subarray(randomPoolOffset, randomPoolOffset + length);
  randomPoolOffset += length;
  return bytes;
}

// Encoded at once: the pool's bytes are overwritten at the next refill.
export function newSecretId(): string {
  return drawRandom(SECRET_ID_BYTES).toString("base64url");
}

export function newManageToken(): string {
  return drawRandom(MANAGE_TOKEN_BYTES).toString("base64url");
}

/** Only the hash is stored, so a database dump cannot burn anyone's links. */
export function hashManageToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("base64url");
}
