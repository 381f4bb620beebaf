"use client";

import { useState } from "react";
import { burnAsMember } from "@/lib/client";
import type { TDashboardSecret } from "@/lib/validation";
import { Button } from "@/components/ui/button";
import { AccessLog } from "./access-log";
import { StatusBadge } from "./status-badge";

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** One link on the dashboard, as a card that reads well on a phone too. */
export function SecretRow({ secret, onChanged }: { secret: TDashboardSecret; onChanged: () => void }) {
  const [showLog, setShowLog] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const burn = async () => {
    setBusy(true);
    setError(null);
    try {
      await burnAsMember(secret.id);
      onChanged();
    } catch {
      setError("This link could not be burned; it may be gone already.");
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <li data-testid={`dashboard-row-${secret.id}`} className="rounded-xl p-4 ring-1 ring-slate-200 dark:ring-slate-800">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="font-semibold break-words text-slate-900 dark:text-white">
            {secret.label ?? <span className="text-slate-500 italic dark:text-slate-400">No label</span>}
            {secret.restrictedToTeam ? <span className="ml-2 text-xs font-medium text-indigo-700 dark:text-indigo-300">team only</span> : null}
          </p>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {secret.creator ? `by ${secret.creator.name ?? secret.creator.email}` : "by a former member"}
            {secret.teamName ? ` · ${secret.teamName}` : ""}
          </p>
        </div>
        <StatusBadge status={secret.status} />
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-500 dark:text-slate-400">Created</dt>
          <dd className="text-slate-800 dark:text-slate-200">{when(secret.createdAt)}</dd>
        </div>
        <div>
          <dt className="text-slate-500 dark:text-slate-400">Expires</dt>
          <dd className="text-slate-800 dark:text-slate-200">{when(secret.expiresAt)}</dd>
        </div>
        <div>
          <dt className="text-slate-500 dark:text-slate-400">Views</dt>
          <dd className="text-slate-800 dark:text-slate-200" data-testid="views-used">
            {secret.viewsUsed} of {secret.maxViews}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500 dark:text-slate-400">Last opened</dt>
          <dd className="text-slate-800 dark:text-slate-200" data-testid="last-opened">
            {secret.lastOpenedAt ? `${when(secret.lastOpenedAt)}${secret.lastOpenedBy ? ` by ${secret.lastOpenedBy.name ?? secret.lastOpenedBy.email}` : ""}` : "never"}
          </dd>
        </div>
      </dl>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <Button variant="secondary" size="sm" aria-expanded={showLog} onClick={() => setShowLog((shown) => !shown)}>
          {showLog ? "Hide access log" : "Access log"}
        </Button>
        {secret.canBurn && !confirming ? (
          <Button variant="danger" size="sm" onClick={() => setConfirming(true)}>
            Burn
          </Button>
        ) : null}
        {confirming ? (
          <span className="flex flex-wrap items-center gap-2" role="group" aria-label="Confirm burning">
            <span className="text-sm text-slate-700 dark:text-slate-200">Destroy this link now?</span>
            <Button variant="danger" size="sm" busy={busy} onClick={() => void burn()}>
              Yes, burn it
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </span>
        ) : null}
      </div>
      {error ? <p role="alert" className="mt-2 text-sm text-rose-700 dark:text-rose-300">{error}</p> : null}
      {showLog ? (
        <div className="mt-3">
          <AccessLog secretId={secret.id} />
        </div>
      ) : null}
    </li>
  );
}
