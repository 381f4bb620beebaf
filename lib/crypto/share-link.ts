import { decodeBase64UrlOfLength } from "./base64url";
import { LINK_KEY_BYTES } from "./constants";
import { CryptoError } from "./errors";

/**
 * Builds `${origin}/s/${id}#${linkKey}`. The key goes in the fragment because browsers
 * never send fragments to servers, proxies or Referer headers. Trailing slashes on the
 * origin are dropped so the path is never `//s/`. Throws CryptoError("bad_link_key") for a
 * key that parseLinkKey would refuse, so no link is ever handed out that cannot open.
 */
export function buildShareLink(options: { origin: string; id: string; linkKey: string }): string {
  if (parseLinkKey(options.linkKey) !== options.linkKey) throw new CryptoError("bad_link_key", "link key must be 32 bytes of canonical base64url");
  const origin = options.origin.replace(/\/+$/, "");
  return `${origin}/s/${encodeURIComponent(options.id)}#${options.linkKey}`;
}

/**
 * Reads the link key from a URL fragment (`location.hash`, with or without the leading
 * "#"). Returns the key iff it is canonical base64url of exactly 32 bytes, else null;
 * nothing is trimmed or repaired, because a mangled key cannot decrypt anyway and
 * refusing early spares the viewer a wasted proof attempt.
 */
export function parseLinkKey(fragment: string): string | null {
  if (typeof fragment !== "string") return null;
  const candidate = fragment.startsWith("#") ? fragment.slice(1) : fragment;
  return decodeBase64UrlOfLength({ text: candidate, length: LINK_KEY_BYTES }) === null ? null : candidate;
}
