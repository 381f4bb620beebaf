import { parseLinkKey } from "@/lib/crypto";

/** The link key as read when the page opened: null when absent or malformed. */
export type TLinkKeyRead = { key: string | null; hadFragment: boolean };

/** The part of Web Storage the sign-in handover needs; null when storage is unavailable. */
export type TKeyStorage = Pick<Storage, "getItem" | "setItem" | "removeItem"> | null;

/**
 * A team-only link needs a sign-in, which leaves this page. The key must never travel to the
 * server (so not in the sign-in's callback URL); it waits in this tab's sessionStorage and is
 * taken out the moment the page comes back.
 */
export const handOverStorageKey = (id: string) => `hushlink:link-key:${id}`;

export function keepKeyAcrossSignIn(options: { storage: TKeyStorage; id: string; key: string }): void {
  try {
    options.storage?.setItem(handOverStorageKey(options.id), options.key);
  } catch {
    // Storage disabled or full: the recipient opens the link again after signing in.
  }
}

export function takeKeyAcrossSignIn(options: { storage: TKeyStorage; id: string }): string | null {
  try {
    const stored = options.storage?.getItem(handOverStorageKey(options.id)) ?? null;
    options.storage?.removeItem(handOverStorageKey(options.id));
    return stored ? parseLinkKey(stored) : null;
  } catch {
    return null;
  }
}

/**
 * The key from the fragment the page was opened with (`hash`, "" when there was none), or,
 * without a fragment, the one kept across a sign-in. The caller strips the fragment from
 * the address bar; it must do so whatever this returns.
 */
export function readLinkKey(options: { id: string; hash: string; storage: TKeyStorage }): TLinkKeyRead {
  if (options.hash === "" || options.hash === "#") {
    const handedOver = takeKeyAcrossSignIn(options);
    if (handedOver) return { key: handedOver, hadFragment: true };
  }
  return { key: parseLinkKey(options.hash), hadFragment: options.hash.length > 1 };
}
