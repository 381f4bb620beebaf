import nacl from "tweetnacl";
import { DERIVED_KEY_BYTES, LINK_KEY_BYTES } from "./constants";
import { deriveEnvelopeKeys } from "./derive-keys";
import { headerFor } from "./header";

// A page's first HKDF-SHA256 and first secretbox cost about 10 ms each of main thread on a
// slow machine, mostly the engine compiling the code. These run them once on throwaway zeros,
// so that a page can pay that while it is idle (or while its reveal request is in flight)
// instead of between the recipient's press and the secret on screen.

let openWarm = false;
let derivationWarm = false;

/** Seals and opens zeros once per page: compiles tweetnacl's unrolled Salsa20 and Poly1305. */
export function warmUpOpen(): void {
  if (openWarm) return;
  openWarm = true;
  const key = new Uint8Array(DERIVED_KEY_BYTES);
  const nonce = new Uint8Array(nacl.secretbox.nonceLength);
  nacl.secretbox.open(nacl.secretbox(new Uint8Array(64), nonce, key), nonce, key);
}

/** Derives keys from a zero link key once per page: compiles HKDF and SHA-256. */
export function warmUpKeyDerivation(): void {
  if (derivationWarm) return;
  derivationWarm = true;
  const keys = deriveEnvelopeKeys({ linkKey: new Uint8Array(LINK_KEY_BYTES), passphraseKey: new Uint8Array(0), header: headerFor({ alg: "none" }) });
  keys.encryptionKey.fill(0);
  keys.authKey.fill(0);
}
