"use client";

import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import { burnSecret, formatExpiry, isApiError, messageForBurnError } from "@/lib/client";
import { CopyButton } from "../copy-button";
import { QrCode } from "../qr-code";
import { useNow } from "../use-now";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { cx } from "../ui/cx";
import { FieldLabel, INPUT_CLASSES } from "../ui/field";
import { Notice } from "../ui/notice";
import type { TCreatedSecret } from "./create-secret-form";

type TBurnState =
  | { state: "idle" }
  | { state: "burning" }
  | { state: "burned"; alreadyGone: boolean }
  | { state: "failed"; message: string };

const viewsInWords = (maxViews: number) =>
  maxViews === 1 ? "Works once: the first visit that reveals it uses it up." : `Can be revealed ${maxViews} times.`;

function Fact({ icon, testId, children }: { icon: string; testId?: string; children: ReactNode }) {
  return (
    <li className="flex gap-3">
      <svg className="mt-0.5 h-4 w-4 shrink-0 text-slate-400 dark:text-slate-500" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        <path d={icon} />
      </svg>
      <span data-testid={testId}>{children}</span>
    </li>
  );
}

export function ShareResult({ created, onCreateAnother }: { created: TCreatedSecret; onCreateAnother: () => void }) {
  const linkId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [burn, setBurn] = useState<TBurnState>({ state: "idle" });
  const nowMs = useNow();
  const expiry = useMemo(() => formatExpiry({ expiresAt: created.expiresAt, nowMs }), [created.expiresAt, nowMs]);

  // Moving focus to the heading tells keyboard and screen-reader users the page changed.
  useEffect(() => headingRef.current?.focus(), []);

  async function burnNow() {
    setBurn({ state: "burning" });
    try {
      await burnSecret({ id: created.id, manageToken: created.manageToken });
      setBurn({ state: "burned", alreadyGone: false });
    } catch (error) {
      if (isApiError(error) && error.code === "not_found") return setBurn({ state: "burned", alreadyGone: true });
      setBurn({ state: "failed", message: isApiError(error) ? messageForBurnError(error) : "The secret could not be destroyed. Try again." });
    }
  }

  const burned = burn.state === "burned";

  return (
    <Card aria-labelledby="result-heading">
      <h1
        id="result-heading"
        ref={headingRef}
        tabIndex={-1}
        className="text-2xl font-bold tracking-tight text-slate-900 outline-none sm:text-3xl dark:text-white"
      >
        {burned ? "Secret destroyed" : "Your link is ready"}
      </h1>

      {burned ? (
        <Notice tone="success" role="status" className="mt-6" testId="burn-status" title="Destroyed. The link no longer works.">
          {burn.alreadyGone
            ? "It was already gone before you pressed the button: viewed, expired or destroyed."
            : "The encrypted secret was deleted from the server. Anyone who opens the link now sees that it is gone."}
        </Notice>
      ) : (
        <>
          <p className="mt-2 text-slate-600 dark:text-slate-300">
            Send this link to the person who needs the secret. Anyone with the link can open it, so send it only to them.
          </p>

          <div className="mt-6">
            <FieldLabel htmlFor={linkId}>Share link</FieldLabel>
            <textarea
              id={linkId}
              readOnly
              value={created.link}
              rows={2}
              onFocus={(event) => event.currentTarget.select()}
              spellCheck={false}
              data-testid="share-link"
              className={cx(INPUT_CLASSES, "resize-none font-mono text-sm leading-relaxed break-all field-sizing-content")}
            />
            <div className="mt-3">
              <CopyButton text={created.link} sourceId={linkId} label="Copy link" variant="primary" testId="copy-link" />
            </div>
          </div>

          <div className="mt-6 grid gap-6 sm:grid-cols-[1fr_auto] sm:items-center">
            <ul className="space-y-3 text-sm text-slate-700 dark:text-slate-300">
              <Fact icon="M12 7v5l3 2m6-2a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z" testId="share-expiry">
                Expires {expiry.relative}, at {expiry.absolute}
              </Fact>
              <Fact icon="M2.5 12S6 5 12 5s9.5 7 9.5 7-3.5 7-9.5 7-9.5-7-9.5-7Zm9.5 3a3 3 0 1 0 0-6 3 3 0 0 0 0 6Z" testId="share-views">
                {viewsInWords(created.maxViews)}
              </Fact>
              {created.hasPassphrase ? (
                <Fact icon="M15 7a2 2 0 0 1 2 2m4 0a6 6 0 0 1-7.7 5.7L11 17H9v2H7v2H3v-3.6l6.3-6.3A6 6 0 1 1 21 9Z" testId="share-passphrase">
                  Passphrase required to reveal. Send it through another channel, never with the link.
                </Fact>
              ) : null}
              <Fact icon="M12 9v4m0 4h.01M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z">
                Hushlink keeps no copy of this link. Once you leave this page it cannot be shown again.
              </Fact>
            </ul>

            <figure className="mx-auto flex flex-col items-center gap-2 sm:mx-0">
              <QrCode
                value={created.link}
                label="QR code of the share link"
                className="h-40 w-40 rounded-lg ring-1 ring-slate-200 dark:ring-slate-700"
              />
              <figcaption className="text-xs text-slate-500 dark:text-slate-400">Scan to open on another device</figcaption>
            </figure>
          </div>
        </>
      )}

      {burn.state === "failed" ? (
        <Notice tone="error" role="alert" className="mt-6">
          {burn.message}
        </Notice>
      ) : null}

      <div className="mt-8 flex flex-col gap-3 border-t border-slate-200 pt-6 sm:flex-row sm:items-center sm:justify-between dark:border-slate-800">
        {burned ? (
          <span />
        ) : (
          <div className="flex flex-col gap-1.5">
            <Button variant="danger" busy={burn.state === "burning"} onClick={burnNow} aria-describedby="burn-hint" className="sm:self-start">
              Burn now
            </Button>
            <p id="burn-hint" className="text-xs text-slate-500 dark:text-slate-400">
              Destroys the secret at once; the link stops working.
            </p>
          </div>
        )}
        <Button variant={burned ? "primary" : "secondary"} onClick={onCreateAnother} className="sm:self-start">
          Create another
        </Button>
      </div>
    </Card>
  );
}
