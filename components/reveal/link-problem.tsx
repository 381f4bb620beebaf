import type { ReactNode } from "react";
import { FOCUS_RING } from "../ui/button";
import { Card } from "../ui/card";
import { cx } from "../ui/cx";

export type TLinkProblemKind = "gone" | "missing-key" | "invalid-key" | "wrong-key" | "bad-address" | "undecryptable";

type TCopy = { testId: string; title: string; body: ReactNode };

const DAMAGED_TITLE = "This link is damaged";

// "gone" is deliberately one message for used up, expired, burned and never existed: the
// server answers all four identically, and so does the page.
const COPY: Record<TLinkProblemKind, TCopy> = {
  gone: {
    testId: "reveal-gone",
    title: "This secret is gone",
    body: (
      <>
        It has already been viewed, it expired, or the sender destroyed it, or the link never worked. Secrets
        on Hushlink cannot be recovered. Ask the sender to share it again.
      </>
    ),
  },
  "missing-key": {
    testId: "reveal-damaged",
    title: DAMAGED_TITLE,
    body: (
      <>
        The key to open the secret (the part of the link after <code className="font-mono">#</code>) is missing. If
        you reloaded this page: Hushlink removes the key from the address bar as soon as it has read it, so open
        the original link again. Nothing was revealed and no view was used.
      </>
    ),
  },
  "invalid-key": {
    testId: "reveal-damaged",
    title: DAMAGED_TITLE,
    body: (
      <>
        The key at the end of the link (after <code className="font-mono">#</code>) is incomplete or changed, so
        the secret cannot be opened with it. Copy the whole link again, or ask the sender for it. Nothing was
        revealed and no view was used.
      </>
    ),
  },
  "wrong-key": {
    testId: "reveal-damaged",
    title: DAMAGED_TITLE,
    body: (
      <>
        The key in this link does not match the secret. Copy the whole link again, or ask the sender for it.
        Nothing was revealed and no view was used.
      </>
    ),
  },
  "bad-address": {
    testId: "reveal-damaged",
    title: DAMAGED_TITLE,
    body: <>This address is not a complete Hushlink secret link. Check that you copied the whole link.</>,
  },
  undecryptable: {
    testId: "reveal-undecryptable",
    title: "This secret cannot be decrypted",
    body: (
      <>
        The server handed over the encrypted secret, but it does not open with the key in your link; it may have
        been altered. The view has been used. Ask the sender to create a new link.
      </>
    ),
  },
};

export function LinkProblem({ kind, note }: { kind: TLinkProblemKind; note?: string }) {
  const copy = COPY[kind];
  const tone = kind === "gone" ? "neutral" : "error";
  return (
    <Card aria-labelledby="problem-heading" data-testid={copy.testId}>
      <div
        className={cx(
          "mb-5 flex h-12 w-12 items-center justify-center rounded-full",
          tone === "neutral"
            ? "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300"
            : "bg-rose-100 text-rose-700 dark:bg-rose-950 dark:text-rose-300",
        )}
      >
        <svg className="h-6 w-6" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
          {tone === "neutral" ? (
            <path d="M9 3h6m-3 5v5m0 8a8 8 0 1 0 0-16 8 8 0 0 0 0 16Z" />
          ) : (
            <path d="M10 14a3.5 3.5 0 0 0 5 0l4-4a3.5 3.5 0 0 0-5-5l-.5.5M14 10a3.5 3.5 0 0 0-5 0l-4 4a3.5 3.5 0 0 0 5 5l.5-.5M4 4l16 16" />
          )}
        </svg>
      </div>
      {/* role="alert" on a wrapper, not the heading: the heading keeps its role for navigation. */}
      <div role="alert">
        <h1 id="problem-heading" className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl dark:text-white">
          {copy.title}
        </h1>
        {note ? <p className="mt-3 font-medium text-slate-800 dark:text-slate-100">{note}</p> : null}
        <p className="mt-3 leading-relaxed text-slate-600 dark:text-slate-300">{copy.body}</p>
      </div>
      <a
        href="/"
        className={cx(
          "mt-6 inline-flex rounded-lg bg-white px-4 py-2.5 text-sm font-semibold text-slate-800 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600 dark:hover:bg-slate-700",
          FOCUS_RING,
        )}
      >
        Share a secret of your own
      </a>
    </Card>
  );
}
