"use client";

import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { CryptoError, deriveRevealKeys, openEnvelope, parseLinkKey, type TSecretPayload } from "@/lib/crypto";
import { describeSecret, formatExpiry, isApiError, messageForTransientError, revealSecret } from "@/lib/client";
import type { TDescribeSecretResponse } from "@/lib/validation";
import { LinkProblem, type TLinkProblemKind } from "@/components/reveal/link-problem";
import { RevealedSecret } from "@/components/reveal/revealed-secret";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError, FieldHint, FieldLabel, INPUT_CLASSES } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { Spinner } from "@/components/ui/spinner";
import { useNow } from "@/components/use-now";

type TRevealPhase = "idle" | "deriving" | "fetching" | "decrypting";

type TView =
  | { kind: "checking" }
  | { kind: "ready"; meta: TDescribeSecretResponse }
  | { kind: "revealed"; text: string; viewsLeft: number }
  | { kind: "problem"; problem: TLinkProblemKind; note?: string }
  | { kind: "unavailable"; message: string }
  | { kind: "sign-in-needed" }
  | { kind: "other-team" };

const PHASE_WORDS: Record<TRevealPhase, string> = {
  idle: "",
  deriving: "Preparing the key…",
  fetching: "Fetching the encrypted secret…",
  decrypting: "Decrypting in your browser…",
};

/** The link key as read on mount: undefined before, null when absent or malformed. */
type TLinkKeyRead = { key: string | null; hadFragment: boolean };

/**
 * Reads the key from the fragment once and strips it from the address bar at once, so it
 * does not linger in history, bookmarks, screenshots or session restore. The key then lives
 * only in this component's memory and is dropped after the reveal.
 */
function readAndStripLinkKey(id: string): TLinkKeyRead {
  const { hash } = window.location;
  if (hash === "") {
    const handedOver = takeKeyAcrossSignIn(id);
    if (handedOver) return { key: handedOver, hadFragment: true };
  }
  const read = { key: parseLinkKey(hash), hadFragment: hash.length > 1 };
  if (hash !== "") window.history.replaceState(null, "", `/s/${id}`);
  return read;
}

/**
 * A team-only link needs a sign-in, which leaves this page. The key must never travel to the
 * server (so not in the sign-in's callback URL); it waits in this tab's sessionStorage and is
 * taken out the moment the page comes back.
 */
const handOverStorageKey = (id: string) => `hushlink:link-key:${id}`;

function keepKeyAcrossSignIn(id: string, key: string): void {
  try {
    window.sessionStorage.setItem(handOverStorageKey(id), key);
  } catch {
    // Storage disabled: the recipient opens the link again after signing in.
  }
}

function takeKeyAcrossSignIn(id: string): string | null {
  try {
    const stored = window.sessionStorage.getItem(handOverStorageKey(id));
    window.sessionStorage.removeItem(handOverStorageKey(id));
    return stored ? parseLinkKey(stored) : null;
  } catch {
    return null;
  }
}

export function RevealSecretPage({ id }: { id: string }) {
  const passphraseId = useId();
  const [view, setView] = useState<TView>({ kind: "checking" });
  const [phase, setPhase] = useState<TRevealPhase>("idle");
  const [passphrase, setPassphrase] = useState("");
  const [passphraseError, setPassphraseError] = useState<string | null>(null);
  const [revealError, setRevealError] = useState<string | null>(null);
  const linkKey = useRef<TLinkKeyRead | undefined>(undefined);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const nowMs = useNow();

  const describe = useCallback(
    async (signal?: AbortSignal) => {
      setView({ kind: "checking" });
      try {
        const meta = await describeSecret({ id, ...(signal ? { signal } : {}) });
        const read = linkKey.current;
        if (!read || read.key === null) {
          setView({ kind: "problem", problem: read?.hadFragment ? "invalid-key" : "missing-key" });
          return;
        }
        setView({ kind: "ready", meta });
      } catch (error) {
        if (signal?.aborted) return;
        if (isApiError(error) && error.code === "not_found") return setView({ kind: "problem", problem: "gone" });
        setView({
          kind: "unavailable",
          message: isApiError(error) ? messageForTransientError(error) : "Something went wrong. Try again.",
        });
      }
    },
    [id],
  );

  useEffect(() => {
    // The ref survives React's development double-mount, so the second pass does not see
    // the already-stripped address bar and call the link damaged.
    if (linkKey.current === undefined) linkKey.current = readAndStripLinkKey(id);
    const controller = new AbortController();
    void describe(controller.signal);
    return () => controller.abort();
  }, [id, describe]);

  // Pasting a link into a tab that already shows this page changes only the fragment: no
  // reload happens, so the new key is read here. A revealed secret stays on screen.
  const latest = useRef({ kind: view.kind, phase });
  useEffect(() => {
    latest.current = { kind: view.kind, phase };
  });
  useEffect(() => {
    const onHashChange = () => {
      if (window.location.hash === "" || latest.current.kind === "revealed" || latest.current.phase !== "idle") return;
      linkKey.current = readAndStripLinkKey(id);
      setPassphraseError(null);
      setRevealError(null);
      void describe();
    };
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, [id, describe]);

  async function reveal(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (view.kind !== "ready" || phase !== "idle") return;
    const key = linkKey.current?.key;
    if (!key) return setView({ kind: "problem", problem: "missing-key" });
    const { kdf } = view.meta;
    const needsPassphrase = kdf.alg === "scrypt";
    setRevealError(null);
    if (needsPassphrase && passphrase === "") {
      setPassphraseError("Enter the passphrase the sender gave you.");
      passphraseRef.current?.focus();
      return;
    }
    setPassphraseError(null);

    setPhase("deriving");
    let keys: Awaited<ReturnType<typeof deriveRevealKeys>>;
    try {
      keys = await deriveRevealKeys({ linkKey: key, kdf, ...(needsPassphrase ? { passphrase } : {}) });
    } catch (error) {
      setPhase("idle");
      if (error instanceof CryptoError && error.code === "bad_link_key") return setView({ kind: "problem", problem: "invalid-key" });
      return setView({ kind: "problem", problem: "undecryptable" });
    }

    setPhase("fetching");
    let envelopeReply: Awaited<ReturnType<typeof revealSecret>>;
    try {
      envelopeReply = await revealSecret({ id, proof: keys.proof });
    } catch (error) {
      keys.encryptionKey.fill(0);
      setPhase("idle");
      if (!isApiError(error)) return setRevealError("Something went wrong. Nothing was revealed; try again.");
      if (error.code === "not_found") return setView({ kind: "problem", problem: "gone" });
      if (error.code === "sign_in_required") {
        keepKeyAcrossSignIn(id, key);
        return setView({ kind: "sign-in-needed" });
      }
      if (error.code === "not_team_member") return setView({ kind: "other-team" });
      if (error.code === "wrong_proof") {
        if (!needsPassphrase) return setView({ kind: "problem", problem: "wrong-key" });
        if (error.attemptsLeft === 0) {
          return setView({ kind: "problem", problem: "gone", note: "Too many wrong passphrases: the secret was destroyed." });
        }
        setPassphraseError(
          error.attemptsLeft === undefined
            ? "Wrong passphrase. Nothing was revealed and no view was used."
            : `Wrong passphrase. ${error.attemptsLeft} attempt${error.attemptsLeft === 1 ? "" : "s"} left before the secret is destroyed. No view was used.`,
        );
        passphraseRef.current?.select();
        return;
      }
      return setRevealError(messageForTransientError(error));
    }

    setPhase("decrypting");
    let payload: TSecretPayload;
    try {
      payload = openEnvelope({ envelope: envelopeReply.envelope, encryptionKey: keys.encryptionKey });
    } catch {
      setPhase("idle");
      return setView({ kind: "problem", problem: "undecryptable" });
    } finally {
      keys.encryptionKey.fill(0);
    }

    linkKey.current = { key: null, hadFragment: false };
    window.history.replaceState(null, "", `/s/${id}`);
    setPassphrase("");
    setPhase("idle");
    setView({ kind: "revealed", text: payload.text, viewsLeft: envelopeReply.viewsLeft });
  }

  if (view.kind === "revealed") {
    return (
      <RevealedSecret
        text={view.text}
        viewsLeft={view.viewsLeft}
        onClear={() => setView({ kind: "revealed", text: "", viewsLeft: view.viewsLeft })}
      />
    );
  }
  if (view.kind === "problem") return <LinkProblem kind={view.problem} {...(view.note ? { note: view.note } : {})} />;
  if (view.kind === "sign-in-needed") {
    return (
      <Card aria-labelledby="restricted-heading" className="space-y-4">
        <h1 id="restricted-heading" className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
          Sign in to open this link
        </h1>
        <p className="text-slate-600 dark:text-slate-300">
          This link is restricted to a team. Sign in with your company account; you will come back here to reveal it. No view was used.
        </p>
        <a
          data-testid="restricted-sign-in"
          href={`/sign-in?callbackUrl=${encodeURIComponent(`/s/${id}`)}`}
          className="inline-flex items-center justify-center rounded-lg bg-indigo-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:bg-indigo-500"
        >
          Sign in
        </a>
      </Card>
    );
  }
  if (view.kind === "other-team") {
    return (
      <Card aria-labelledby="other-team-heading" className="space-y-3">
        <h1 id="other-team-heading" className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
          This link is for another team
        </h1>
        <Notice tone="warning" role="alert" testId="other-team">
          Only members of the team it was shared with can open it. Nothing was revealed and no view was used.
        </Notice>
      </Card>
    );
  }

  const busy = phase !== "idle";
  const meta = view.kind === "ready" ? view.meta : null;
  const expiry = meta ? formatExpiry({ expiresAt: meta.expiresAt, nowMs }) : null;

  return (
    <Card aria-labelledby="reveal-heading" aria-busy={view.kind === "checking"}>
      <div className="mb-5 flex h-12 w-12 items-center justify-center rounded-full bg-indigo-100 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300">
        <svg className="h-6 w-6" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
          <path d="M7 11V8a5 5 0 0 1 10 0v3M6 11h12a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1Zm6 4v2" />
        </svg>
      </div>
      <h1 id="reveal-heading" className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl dark:text-white">
        Someone shared a one-time secret with you
      </h1>

      {view.kind === "checking" ? (
        <p role="status" className="mt-4 flex items-center gap-2 text-slate-600 dark:text-slate-300">
          <Spinner />
          Checking the link…
        </p>
      ) : null}

      {view.kind === "unavailable" ? (
        <div className="mt-6 space-y-4">
          <Notice tone="error" role="alert" title="Could not check this link">
            {view.message}
          </Notice>
          <Button variant="secondary" onClick={() => void describe()}>
            Try again
          </Button>
        </div>
      ) : null}

      {meta && expiry ? (
        <form method="post" noValidate onSubmit={reveal} className="mt-6 space-y-6">
          <dl className="grid gap-3 rounded-xl bg-slate-50 p-4 text-sm ring-1 ring-slate-200 ring-inset sm:grid-cols-2 dark:bg-slate-800/50 dark:ring-slate-700">
            <div>
              <dt className="font-semibold text-slate-800 dark:text-slate-100">Expires</dt>
              <dd className="mt-0.5 text-slate-700 dark:text-slate-300" data-testid="reveal-expiry">
                {expiry.relative}, at {expiry.absolute}
              </dd>
            </div>
            <div>
              <dt className="font-semibold text-slate-800 dark:text-slate-100">Views</dt>
              <dd className="mt-0.5 text-slate-700 dark:text-slate-300" data-testid="reveal-views-left">
                {meta.viewsLeft} view{meta.viewsLeft === 1 ? "" : "s"} left
              </dd>
            </div>
          </dl>

          <p className="text-slate-600 dark:text-slate-300">
            Revealing uses one view. The secret is decrypted here, in your browser
            {meta.viewsLeft === 1 ? ", and then deleted from the server for good." : "."}
          </p>

          {meta.restrictedToTeam ? (
            <Notice tone="info" testId="restricted-note">
              Only members of the sender&apos;s team can open this link. If you are not signed in, you will be asked to.
            </Notice>
          ) : null}

          {meta.kdf.alg === "scrypt" ? (
            <div>
              <FieldLabel htmlFor={passphraseId}>Passphrase</FieldLabel>
              <input
                id={passphraseId}
                ref={passphraseRef}
                type="password"
                value={passphrase}
                onChange={(event) => setPassphrase(event.target.value)}
                readOnly={busy}
                autoComplete="off"
                spellCheck={false}
                data-1p-ignore
                data-lpignore="true"
                aria-invalid={passphraseError ? true : undefined}
                aria-describedby={passphraseError ? `${passphraseId}-error` : `${passphraseId}-hint`}
                className={INPUT_CLASSES}
              />
              <div aria-live="assertive">
                {passphraseError ? (
                  <FieldError id={`${passphraseId}-error`}>
                    <span data-testid="passphrase-error">{passphraseError}</span>
                  </FieldError>
                ) : (
                  <FieldHint id={`${passphraseId}-hint`}>
                    The sender protected this secret with a passphrase and should have given it to you separately.
                  </FieldHint>
                )}
              </div>
            </div>
          ) : null}

          {revealError ? (
            <Notice tone="error" role="alert">
              {revealError}
            </Notice>
          ) : null}

          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
            <p role="status" aria-live="polite" className="text-sm text-slate-600 dark:text-slate-400">
              {PHASE_WORDS[phase]}
            </p>
            <Button type="submit" busy={busy} className="w-full sm:w-auto">
              Reveal secret
            </Button>
          </div>
        </form>
      ) : null}
    </Card>
  );
}
