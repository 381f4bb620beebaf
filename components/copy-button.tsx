"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "./ui/button";

type TCopyState = "idle" | "copied" | "failed";

const RESET_AFTER_MS = 2_500;

/** Legacy path for plain-http self-hosting, where navigator.clipboard does not exist. */
function copyBySelecting(sourceId: string): boolean {
  const source = document.getElementById(sourceId);
  if (!(source instanceof HTMLInputElement || source instanceof HTMLTextAreaElement)) return false;
  source.focus();
  source.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
}

/**
 * Copies `text`; announces the result politely for screen readers. `sourceId` names the
 * field holding the same text, used when the async clipboard API is unavailable.
 */
export function CopyButton({
  text,
  sourceId,
  label = "Copy",
  variant = "secondary",
  testId,
}: {
  text: string;
  sourceId: string;
  label?: string;
  variant?: "primary" | "secondary";
  testId?: string;
}) {
  const [state, setState] = useState<TCopyState>("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    let copied = false;
    try {
      if (navigator.clipboard) {
        await navigator.clipboard.writeText(text);
        copied = true;
      }
    } catch {
      copied = false;
    }
    if (!copied) copied = copyBySelecting(sourceId);
    setState(copied ? "copied" : "failed");
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState("idle"), RESET_AFTER_MS);
  }

  return (
    <span className="inline-flex items-center gap-3">
      <Button variant={variant} onClick={copy} data-testid={testId} className="shrink-0">
        <svg className="h-4 w-4" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
          {state === "copied" ? (
            <path d="m5 12 5 5L20 7" />
          ) : (
            <path d="M8 8V5a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2h-3M5 8h9a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-9a2 2 0 0 1 2-2Z" />
          )}
        </svg>
        {state === "copied" ? "Copied" : label}
      </Button>
      <span role="status" aria-live="polite" className="text-sm text-slate-600 dark:text-slate-400">
        {state === "copied" ? <span className="sr-only">Copied to the clipboard.</span> : null}
        {state === "failed" ? "Copy failed: select the text and copy it yourself." : null}
      </span>
    </span>
  );
}
