/** Limits from DESIGN.md section 2, shared by the form, the API and the tests. */
export const MIN_EXPIRES_IN_SECONDS = 300;
export const MAX_EXPIRES_IN_SECONDS = 2_592_000;
export const MIN_MAX_VIEWS = 1;
export const MAX_MAX_VIEWS = 100;
export const MAX_BODY_BYTES = 1_048_576;
export const MAX_LABEL_LENGTH = 100;

export const NONCE_BYTES = 24;
export const PROOF_BYTES = 32;
export const SALT_BYTES = 16;
export const SECRET_ID_BYTES = 16;
export const PADDING_BLOCK_BYTES = 256;
export const SECRETBOX_TAG_BYTES = 16;
export const MIN_CIPHERTEXT_BYTES = PADDING_BLOCK_BYTES + SECRETBOX_TAG_BYTES;

export const MIN_SCRYPT_LOG2_N = 15;
export const MAX_SCRYPT_LOG2_N = 20;

/** The expiry choices the create form offers; the API accepts any value in range. */
export const EXPIRY_CHOICES = [
  { seconds: 300, label: "5 minutes" },
  { seconds: 3_600, label: "1 hour" },
  { seconds: 86_400, label: "1 day" },
  { seconds: 604_800, label: "7 days" },
  { seconds: 2_592_000, label: "30 days" },
] as const;
export const DEFAULT_EXPIRES_IN_SECONDS = 86_400;
export const DEFAULT_MAX_VIEWS = 1;
