"use client";

import { useId } from "react";
import type { TMeResponse } from "@/lib/validation";
import { MAX_LABEL_LENGTH } from "@/lib/validation";
import { FieldHint, FieldLabel, INPUT_CLASSES } from "../ui/field";

export type TTeamChoice = { label: string; teamId: string; restrictToTeam: boolean };

type TTeam = TMeResponse["teams"][number];

function policyWords(team: TTeam): string | null {
  const rules: string[] = [];
  if (team.policy.maxExpiresInSeconds !== null) rules.push(`links live at most ${Math.round(team.policy.maxExpiresInSeconds / 3600) || 1} h`);
  if (team.policy.maxViews !== null) rules.push(`at most ${team.policy.maxViews} views`);
  if (team.policy.requirePassphrase) rules.push("a passphrase is required");
  return rules.length ? `${team.name} policy: ${rules.join(", ")}.` : null;
}

/** What signed-in creators add: a label for the dashboard, the team, team-only access. */
export function TeamOptions({ teams, value, onChange }: { teams: TTeam[]; value: TTeamChoice; onChange: (value: TTeamChoice) => void }) {
  const ids = { label: useId(), labelHint: useId(), team: useId(), restrict: useId() };
  const team = teams.find((candidate) => candidate.id === value.teamId) ?? teams[0];
  if (!team) return null;
  const policy = policyWords(team);
  return (
    <fieldset className="space-y-4 rounded-xl p-4 ring-1 ring-slate-200 dark:ring-slate-800">
      <legend className="px-1 text-sm font-semibold text-slate-900 dark:text-white">For your team</legend>
      <div className="space-y-1.5">
        <FieldLabel htmlFor={ids.label}>Label (not secret, visible to your team)</FieldLabel>
        <input
          id={ids.label}
          className={INPUT_CLASSES}
          maxLength={MAX_LABEL_LENGTH}
          value={value.label}
          onChange={(event) => onChange({ ...value, label: event.target.value })}
          placeholder="e.g. staging database password for Sam"
          autoComplete="off"
          aria-describedby={ids.labelHint}
        />
        <FieldHint id={ids.labelHint}>Shown on the dashboard and in notifications. Never put the secret itself here.</FieldHint>
      </div>
      {teams.length > 1 ? (
        <div className="space-y-1.5">
          <FieldLabel htmlFor={ids.team}>Team</FieldLabel>
          <select id={ids.team} className={INPUT_CLASSES} value={team.id} onChange={(event) => onChange({ ...value, teamId: event.target.value })}>
            {teams.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <label htmlFor={ids.restrict} className="flex items-start gap-3 text-sm text-slate-800 dark:text-slate-200">
        <input
          id={ids.restrict}
          type="checkbox"
          className="mt-0.5 h-4 w-4 accent-indigo-600"
          checked={value.restrictToTeam}
          onChange={(event) => onChange({ ...value, restrictToTeam: event.target.checked })}
        />
        <span>Only members of {team.name} can open this link (they sign in first)</span>
      </label>
      {policy ? <p className="text-sm text-amber-800 dark:text-amber-200" data-testid="team-policy">{policy}</p> : null}
    </fieldset>
  );
}
