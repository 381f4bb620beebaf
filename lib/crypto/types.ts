/** Key derivation parameters, stored in the envelope and bound into the derived keys. */
export type TKdfParams = { alg: "none" } | { alg: "scrypt"; N: number; r: number; p: number; salt: string };

/** What the server stores and hands back on reveal. Binary fields are canonical base64url. */
export type TEnvelopeV1 = { v: 1; alg: "xsalsa20poly1305"; kdf: TKdfParams; nonce: string; ct: string };

/** The plaintext inside an envelope. */
export type TSecretPayload = { type: "text"; text: string };

/** Source of random bytes; injectable so tests and vectors can be deterministic. */
export type TRandomBytes = (length: number) => Uint8Array;

/** What a viewer needs to reveal: the proof for the server and the key to open the reply. */
export type TRevealKeys = { proof: string; encryptionKey: Uint8Array };
