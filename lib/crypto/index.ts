// Public API of envelope v1 (DESIGN.md section 1). Pure: runs unchanged in browsers and
// Node; imports only tweetnacl and @noble/hashes. Import from "@/lib/crypto", not from
// the files behind it.
export { decodeBase64Url, encodeBase64Url } from "./base64url";
export { DEFAULT_SCRYPT_N } from "./constants";
export { deriveRevealKeys } from "./derive-keys";
export { CryptoError, type TCryptoErrorCode } from "./errors";
export { headerFor } from "./header";
export { openEnvelope } from "./open";
export { proofMatchesVerifier, verifierForProof } from "./proof";
export { sealSecret } from "./seal";
export { buildShareLink, parseLinkKey } from "./share-link";
export { warmUpKeyDerivation, warmUpOpen } from "./warm-up";
export type { TEnvelopeV1, TKdfParams, TRandomBytes, TRevealKeys, TSecretPayload } from "./types";
