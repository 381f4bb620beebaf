"use client";

import { useEffect, useId, useRef, useState } from "react";
import { CopyButton } from "../copy-button";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { cx } from "../ui/cx";
import { FieldLabel, INPUT_CLASSES } from "../ui/field";
import { Notice } from "../ui/notice";

const MIN_ROWS = 3;
const MAX_ROWS = 16;

/** `onClear` must drop the text from the parent's state too, not only from the screen. */
export function RevealedSecret({ text, viewsLeft, onClear }: { text: string; viewsLeft: number; onClear: () => void }) {
  const secretId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [cleared, setCleared] = useState(false);
  const rows = Math.min(MAX_ROWS, Math.max(MIN_ROWS, text.split("\n").length));

  useEffect(() => headingRef.current?.focus(), []);

  return (
    <Card aria-labelledby="revealed-heading">
      <h1
        id="revealed-heading"
        ref={headingRef}
        tabIndex={-1}
        className="text-2xl font-bold tracking-tight text-slate-900 outline-none sm:text-3xl dark:text-white"
      >
        {cleared ? "Secret cleared" : "Here is your secret"}
      </h1>

      {cleared ? (
        <p role="status" className="mt-3 text-slate-600 dark:text-slate-300">
          The secret was removed from this page. Close the tab when you are done.
        </p>
      ) : (
        <>
          <p className="mt-2 text-slate-600 dark:text-slate-300">It was decrypted in this browser.</p>
          <div className="mt-6">
            <FieldLabel htmlFor={secretId}>Secret</FieldLabel>
            <textarea
              id={secretId}
              readOnly
              value={text}
              rows={rows}
              spellCheck={false}
              autoComplete="off"
              data-testid="revealed-secret"
              className={cx(INPUT_CLASSES, "max-h-[28rem] min-h-24 resize-y font-mono text-sm leading-relaxed field-sizing-content")}
            />
            <div className="mt-3 flex flex-wrap items-center gap-3">
              <CopyButton text={text} sourceId={secretId} label="Copy secret" variant="primary" testId="copy-secret" />
              <Button
                variant="secondary"
                onClick={() => {
                  setCleared(true);
                  onClear();
                }}
              >
                Clear from this page
              </Button>
            </div>
          </div>
          <Notice tone={viewsLeft === 0 ? "warning" : "info"} role="status" className="mt-6" testId="views-left-after-reveal">
            {viewsLeft === 0
              ? "This was the last view: the secret is now deleted from the server and this page holds the only copy. Store it somewhere safe before you close the tab."
              : `This link can be revealed ${viewsLeft} more time${viewsLeft === 1 ? "" : "s"} before it stops working.`}
          </Notice>
        </>
      )}
    </Card>
  );
}
