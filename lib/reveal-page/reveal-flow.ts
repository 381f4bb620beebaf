// What the reveal page does, without the DOM: describe a link, then trade the key (and
// passphrase) for the secret. Returns outcomes the page renders; never throws for an
// expected failure.
import { CryptoError, deriveRevealKeys, openEnvelope, warmUpOpen, type TSecretPayload } from "@/lib/crypto";
import { isApiError } from "@/lib/client/api-error";
import { messageForTransientError } from "@/lib/client/user-messages";
import { fetchDescribe, readDescribeResponse, postReveal, type TFetch, type TLinkMeta } from "./reveal-api";
import type { TLinkKeyRead } from "./link-key";

export type TLinkProblem = "gone" | "missing-key" | "invalid-key" | "wrong-key" | "undecryptable";

export type TDescribeOutcome =
  | { kind: "ready"; meta: TLinkMeta }
  | { kind: "problem"; problem: TLinkProblem }
  | { kind: "unavailable"; message: string };

/**
 * Asks what the link is (never consumes). A gone secret reads "gone" whatever the key; a
 * live one without a usable key reads "damaged". `pending` is a describe request already
 * started (the page starts one in <head>, before its script has loaded).
 */
export async function describeLink(options: { id: string; linkKey: TLinkKeyRead; fetch: TFetch; pending?: Promise<Response> }): Promise<TDescribeOutcome> {
  try {
    const response = await (options.pending ?? fetchDescribe({ id: options.id, fetch: options.fetch }));
    const meta = await readDescribeResponse(response);
    if (options.linkKey.key === null) return { kind: "problem", problem: options.linkKey.hadFragment ? "invalid-key" : "missing-key" };
    return { kind: "ready", meta };
  } catch (error) {
    if (isApiError(error) && error.code === "not_found") return { kind: "problem", problem: "gone" };
    return { kind: "unavailable", message: isApiError(error) ? messageForTransientError(error) : "Something went wrong. Try again." };
  }
}

export type TRevealPhase = "deriving" | "fetching" | "decrypting";

export type TRevealOutcome =
  | { kind: "revealed"; text: string; viewsLeft: number }
  | { kind: "problem"; problem: TLinkProblem; note?: string }
  | { kind: "sign-in-needed" }
  | { kind: "other-team" }
  | { kind: "passphrase-error"; message: string; select: boolean }
  | { kind: "reveal-error"; message: string };

export const PHASE_WORDS: Record<TRevealPhase, string> = {
  deriving: "Preparing the key…",
  fetching: "Fetching the encrypted secret…",
  decrypting: "Decrypting in your browser…",
};

/**
 * Derives the proof, asks for the envelope (this consumes a view) and decrypts it here. A
 * wrong key or passphrase is refused by the server before anything is consumed.
 */
export async function revealWithKey(options: {
  id: string;
  linkKey: string;
  meta: TLinkMeta;
  passphrase: string;
  fetch: TFetch;
  onPhase?: (phase: TRevealPhase) => void;
}): Promise<TRevealOutcome> {
  const { kdf } = options.meta;
  const needsPassphrase = kdf.alg === "scrypt";
  if (needsPassphrase && options.passphrase === "") {
    return { kind: "passphrase-error", message: "Enter the passphrase the sender gave you.", select: false };
  }

  options.onPhase?.("deriving");
  let keys: Awaited<ReturnType<typeof deriveRevealKeys>>;
  try {
    keys = await deriveRevealKeys({ linkKey: options.linkKey, kdf, ...(needsPassphrase ? { passphrase: options.passphrase } : {}) });
  } catch (error) {
    if (error instanceof CryptoError && error.code === "bad_link_key") return { kind: "problem", problem: "invalid-key" };
    return { kind: "problem", problem: "undecryptable" };
  }

  options.onPhase?.("fetching");
  let reply: Awaited<ReturnType<typeof postReveal>>;
  try {
    const replying = postReveal({ id: options.id, proof: keys.proof, fetch: options.fetch });
    // The request is on its way: compile the decryption meanwhile rather than after.
    warmUpOpen();
    reply = await replying;
  } catch (error) {
    keys.encryptionKey.fill(0);
    if (!isApiError(error)) return { kind: "reveal-error", message: "Something went wrong. Nothing was revealed; try again." };
    if (error.code === "not_found") return { kind: "problem", problem: "gone" };
    if (error.code === "sign_in_required") return { kind: "sign-in-needed" };
    if (error.code === "not_team_member") return { kind: "other-team" };
    if (error.code === "wrong_proof") {
      if (!needsPassphrase) return { kind: "problem", problem: "wrong-key" };
      if (error.attemptsLeft === 0) return { kind: "problem", problem: "gone", note: "Too many wrong passphrases: the secret was destroyed." };
      return {
        kind: "passphrase-error",
        select: true,
        message:
          error.attemptsLeft === undefined
            ? "Wrong passphrase. Nothing was revealed and no view was used."
            : `Wrong passphrase. ${error.attemptsLeft} attempt${error.attemptsLeft === 1 ? "" : "s"} left before the secret is destroyed. No view was used.`,
      };
    }
    return { kind: "reveal-error", message: messageForTransientError(error) };
  }

  options.onPhase?.("decrypting");
  let payload: TSecretPayload;
  try {
    payload = openEnvelope({ envelope: reply.envelope, encryptionKey: keys.encryptionKey });
  } catch {
    return { kind: "problem", problem: "undecryptable" };
  } finally {
    keys.encryptionKey.fill(0);
  }
  return { kind: "revealed", text: payload.text, viewsLeft: reply.viewsLeft };
}
