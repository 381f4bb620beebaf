"use client";

import { useEffect, useState } from "react";
import { describeAccessEvent, fetchAccessLog } from "@/lib/client";
import type { TAccessEvent } from "@/lib/validation";
import { Spinner } from "@/components/ui/spinner";

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** One link's access log: each reveal and each refused attempt. */
export function AccessLog({ secretId }: { secretId: string }) {
  const [events, setEvents] = useState<TAccessEvent[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    fetchAccessLog(secretId).then(setEvents, () => setFailed(true));
  }, [secretId]);

  if (failed) return <p className="text-sm text-rose-700 dark:text-rose-300">The access log could not be loaded.</p>;
  if (!events) return <Spinner />;
  if (events.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">Nobody has tried to open this link yet.</p>;
  return (
    <ol className="space-y-2 text-sm" data-testid={`access-log-${secretId}`}>
      {events.map((event, index) => (
        <li key={`${event.at}-${index}`} className="flex flex-wrap gap-x-3 gap-y-1 rounded-lg bg-slate-50 px-3 py-2 dark:bg-slate-800/60">
          <span className="font-semibold text-slate-900 dark:text-white">{describeAccessEvent(event.kind)}</span>
          <span className="text-slate-600 dark:text-slate-300">{when(event.at)}</span>
          <span className="text-slate-600 dark:text-slate-300">{event.user ? (event.user.name ?? event.user.email) : "signed out"}</span>
          {event.ipPrefix ? <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{event.ipPrefix}</span> : null}
          {event.browser ? <span className="text-slate-500 dark:text-slate-400">{event.browser}</span> : null}
        </li>
      ))}
    </ol>
  );
}
