export { detectKeyTypes, SUGGESTED_EXPIRES_IN_SECONDS_FOR_KEYS } from "./detect-key-types";
export type { TKeyDetection, TKeyKind } from "./detect-key-types";
