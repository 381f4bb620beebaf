"use client";

import { useCallback, useEffect, useState } from "react";
import { fetchDashboard, teamExportUrl, type TDashboardFilter } from "@/lib/client";
import { SECRET_STATUSES, type TDashboardListResponse } from "@/lib/validation";
import { InstanceSettings } from "@/components/dashboard/instance-settings";
import { SecretRow } from "@/components/dashboard/secret-row";
import { Button, FOCUS_RING } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cx } from "@/components/ui/cx";
import { INPUT_CLASSES } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { Spinner } from "@/components/ui/spinner";

type TTeam = { id: string; name: string; role: "admin" | "member" };

export function DashboardPage({ userName, teams, isInstanceAdmin }: { userName: string; teams: TTeam[]; isInstanceAdmin: boolean }) {
  const [filter, setFilter] = useState<TDashboardFilter>({ scope: "mine", status: "", q: "", page: 1 });
  const [list, setList] = useState<TDashboardListResponse | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(() => {
    setFailed(false);
    fetchDashboard(filter).then(setList, () => setFailed(true));
  }, [filter]);
  useEffect(load, [load]);

  const pages = list ? Math.max(1, Math.ceil(list.total / list.pageSize)) : 1;
  const adminTeams = teams.filter((team) => team.role === "admin");

  return (
    <div className="space-y-6">
      <Card aria-labelledby="dashboard-heading" className="space-y-4">
        <div>
          <h1 id="dashboard-heading" className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
            Dashboard
          </h1>
          <p className="text-slate-600 dark:text-slate-300">Signed in as {userName}. Links you and your team created, and what happened to them.</p>
        </div>
        <Notice tone="info">
          Links can&apos;t be copied again from here: their keys were never stored. Labels are plain text your team can see; they are not secret.
        </Notice>

        <div role="tablist" aria-label="Whose links" className="flex gap-2">
          {(["mine", "team"] as const).map((scope) => (
            <button
              key={scope}
              role="tab"
              type="button"
              aria-selected={filter.scope === scope}
              onClick={() => setFilter({ ...filter, scope, page: 1 })}
              className={cx(
                "rounded-lg px-3 py-1.5 text-sm font-semibold",
                filter.scope === scope ? "bg-indigo-600 text-white dark:bg-indigo-500" : "text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800",
                FOCUS_RING,
              )}
            >
              {scope === "mine" ? "My links" : "Team links"}
            </button>
          ))}
        </div>

        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            setFilter({ ...filter, q: String(data.get("q") ?? ""), page: 1 });
          }}
        >
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-700 dark:text-slate-200">
            Status
            <select
              className={cx(INPUT_CLASSES, "w-40")}
              value={filter.status}
              onChange={(event) => setFilter({ ...filter, status: event.target.value as TDashboardFilter["status"], page: 1 })}
            >
              <option value="">All</option>
              {SECRET_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {status[0]!.toUpperCase() + status.slice(1)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm font-medium text-slate-700 dark:text-slate-200">
            Search by label
            <input name="q" type="search" defaultValue={filter.q} maxLength={100} className={INPUT_CLASSES} />
          </label>
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </form>
      </Card>

      <section aria-live="polite" aria-busy={!list && !failed}>
        {failed ? (
          <Notice tone="error" role="alert">
            The dashboard could not be loaded. <button type="button" className="underline" onClick={load}>Try again</button>
          </Notice>
        ) : !list ? (
          <Spinner />
        ) : list.secrets.length === 0 ? (
          <p className="rounded-xl p-6 text-center text-slate-600 ring-1 ring-slate-200 dark:text-slate-300 dark:ring-slate-800">
            No links here yet. <a href="/" className="font-semibold text-indigo-700 underline dark:text-indigo-300">Create one</a>.
          </p>
        ) : (
          <ul className="space-y-3">
            {list.secrets.map((secret) => (
              <SecretRow key={secret.id} secret={secret} onChanged={load} />
            ))}
          </ul>
        )}
        {list && pages > 1 ? (
          <nav aria-label="Pages" className="mt-4 flex items-center justify-between">
            <Button variant="secondary" size="sm" disabled={filter.page <= 1} onClick={() => setFilter({ ...filter, page: filter.page - 1 })}>
              Previous
            </Button>
            <span className="text-sm text-slate-600 dark:text-slate-300">
              Page {filter.page} of {pages}
            </span>
            <Button variant="secondary" size="sm" disabled={filter.page >= pages} onClick={() => setFilter({ ...filter, page: filter.page + 1 })}>
              Next
            </Button>
          </nav>
        ) : null}
      </section>

      {adminTeams.length > 0 ? (
        <Card aria-labelledby="export-heading" className="space-y-3">
          <h2 id="export-heading" className="text-lg font-semibold text-slate-900 dark:text-white">
            Teams you administer
          </h2>
          <ul className="space-y-2 text-sm">
            {adminTeams.map((team) => (
              <li key={team.id} className="flex flex-wrap items-center gap-3">
                <span className="font-medium text-slate-800 dark:text-slate-200">{team.name}</span>
                <a className="font-semibold text-indigo-700 underline dark:text-indigo-300" href={teamExportUrl(team.id, "csv")} download>
                  CSV
                </a>
                <a className="font-semibold text-indigo-700 underline dark:text-indigo-300" href={teamExportUrl(team.id, "json")} download>
                  JSON
                </a>
                <a className="font-semibold text-indigo-700 underline dark:text-indigo-300" href={`/dashboard/teams/${team.id}`}>
                  Team settings
                </a>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {isInstanceAdmin ? <InstanceSettings /> : null}
    </div>
  );
}
