"use client";

import { useCallback, useEffect, useState, type FormEvent } from "react";
import { addTeamMember, fetchTeamMembers, fetchTeamSettings, isApiError, removeTeamMember, saveTeamSettings } from "@/lib/client";
import { EXPIRY_CHOICES, MAX_MAX_VIEWS, type TTeamMembers, type TTeamSettings } from "@/lib/validation";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cx } from "@/components/ui/cx";
import { INPUT_CLASSES } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { Spinner } from "@/components/ui/spinner";

const LABEL = "flex flex-col gap-1 text-sm font-medium text-slate-700 dark:text-slate-200";
const messageOf = (error: unknown) => (isApiError(error) ? error.message : "Something went wrong. Try again.");

function PolicyAndWebhooks({ teamId }: { teamId: string }) {
  const [settings, setSettings] = useState<TTeamSettings | null>(null);
  const [secret, setSecret] = useState("");
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    fetchTeamSettings(teamId).then(setSettings, (error: unknown) => setStatus({ tone: "error", text: messageOf(error) }));
  }, [teamId]);
  if (!settings) return status ? <Notice tone="error" role="alert">{status.text}</Notice> : <Spinner />;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setStatus(null);
    try {
      const saved = await saveTeamSettings(teamId, {
        policy: settings.policy,
        slackWebhookUrl: settings.slackWebhookUrl || null,
        webhookUrl: settings.webhookUrl || null,
        ...(secret ? { webhookSecret: secret } : {}),
      });
      setSettings(saved);
      setSecret("");
      setStatus({ tone: "success", text: "Saved. New links follow the policy at once." });
    } catch (error) {
      setStatus({ tone: "error", text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void save(event)} className="space-y-5">
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold text-slate-900 dark:text-white">Policy for new links</legend>
        <label className={LABEL}>
          Longest expiry allowed
          <select
            className={INPUT_CLASSES}
            value={settings.policy.maxExpiresInSeconds ?? ""}
            onChange={(event) => setSettings({ ...settings, policy: { ...settings.policy, maxExpiresInSeconds: event.target.value ? Number(event.target.value) : null } })}
          >
            <option value="">No limit (30 days)</option>
            {EXPIRY_CHOICES.map((choice) => (
              <option key={choice.seconds} value={choice.seconds}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
        <label className={LABEL}>
          Most views per link
          <input
            type="number"
            min={1}
            max={MAX_MAX_VIEWS}
            className={INPUT_CLASSES}
            value={settings.policy.maxViews ?? ""}
            placeholder={`No limit (${MAX_MAX_VIEWS})`}
            onChange={(event) => setSettings({ ...settings, policy: { ...settings.policy, maxViews: event.target.value ? Number(event.target.value) : null } })}
          />
        </label>
        <label className="flex items-center gap-3 text-sm text-slate-800 dark:text-slate-200">
          <input
            type="checkbox"
            className="h-4 w-4 accent-indigo-600"
            checked={settings.policy.requirePassphrase}
            onChange={(event) => setSettings({ ...settings, policy: { ...settings.policy, requirePassphrase: event.target.checked } })}
          />
          Require a passphrase on every link
        </label>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold text-slate-900 dark:text-white">Notifications</legend>
        <p className="text-sm text-slate-600 dark:text-slate-300">Sent when a team link is opened, burned, or expires unopened: label, viewer, time, views left. Never the secret.</p>
        <label className={LABEL}>
          Slack incoming-webhook URL
          <input type="url" className={INPUT_CLASSES} value={settings.slackWebhookUrl ?? ""} onChange={(event) => setSettings({ ...settings, slackWebhookUrl: event.target.value })} />
        </label>
        <label className={LABEL}>
          Generic webhook URL (JSON, signed)
          <input type="url" className={INPUT_CLASSES} value={settings.webhookUrl ?? ""} onChange={(event) => setSettings({ ...settings, webhookUrl: event.target.value })} />
        </label>
        <label className={LABEL}>
          Signing secret {settings.hasWebhookSecret ? "(set; type a new one to replace it)" : "(at least 16 characters)"}
          <input type="password" autoComplete="new-password" className={INPUT_CLASSES} value={secret} onChange={(event) => setSecret(event.target.value)} />
        </label>
      </fieldset>
      {status ? (
        <Notice tone={status.tone} role={status.tone === "error" ? "alert" : "status"}>
          {status.text}
        </Notice>
      ) : null}
      <Button type="submit" busy={busy}>
        Save team settings
      </Button>
    </form>
  );
}

function Members({ teamId, currentUserId }: { teamId: string; currentUserId: string }) {
  const [members, setMembers] = useState<TTeamMembers["members"] | null>(null);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<"admin" | "member">("member");
  const [removing, setRemoving] = useState<string | null>(null);
  const [burnLinks, setBurnLinks] = useState(true);
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const load = useCallback(() => {
    fetchTeamMembers(teamId).then((result) => setMembers(result.members), (error: unknown) => setStatus({ tone: "error", text: messageOf(error) }));
  }, [teamId]);
  useEffect(load, [load]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await addTeamMember(teamId, { email, role });
      setEmail("");
      setStatus({ tone: "success", text: `${email} was added.` });
      load();
    } catch (error) {
      setStatus({ tone: "error", text: messageOf(error) });
    }
  };
  const remove = async (userId: string, who: string) => {
    try {
      const result = await removeTeamMember(teamId, userId, burnLinks);
      setStatus({ tone: "success", text: `${who} was removed: ${result.sessionsEnded} session(s) ended, ${result.linksBurned} live link(s) burned.` });
      setRemoving(null);
      load();
    } catch (error) {
      setStatus({ tone: "error", text: messageOf(error) });
    }
  };

  return (
    <div className="space-y-4">
      <h2 className="text-lg font-semibold text-slate-900 dark:text-white">Members</h2>
      {!members ? (
        <Spinner />
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {members.map((member) => (
            <li key={member.userId} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid={`member-${member.email}`}>
              <span className="min-w-0">
                <span className="block font-medium text-slate-900 dark:text-white">{member.name ?? member.email}</span>
                <span className="block text-sm text-slate-600 dark:text-slate-400">
                  {member.email} · {member.role} · {member.source === "idp" ? "from sign-in groups" : "added by an admin"}
                </span>
              </span>
              {member.userId === currentUserId ? null : removing === member.userId ? (
                <span className="flex flex-wrap items-center gap-2" role="group" aria-label={`Remove ${member.email}`}>
                  <label className="flex items-center gap-2 text-sm">
                    <input type="checkbox" className="h-4 w-4 accent-rose-600" checked={burnLinks} onChange={(event) => setBurnLinks(event.target.checked)} />
                    Also burn their live links
                  </label>
                  <Button variant="danger" size="sm" onClick={() => void remove(member.userId, member.email)}>
                    Remove and end sessions
                  </Button>
                  <Button variant="ghost" size="sm" onClick={() => setRemoving(null)}>
                    Cancel
                  </Button>
                </span>
              ) : (
                <Button variant="secondary" size="sm" onClick={() => setRemoving(member.userId)}>
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void add(event)} className="flex flex-wrap items-end gap-3">
        <label className={cx(LABEL, "min-w-56 flex-1")}>
          Add someone by email
          <input type="email" required className={INPUT_CLASSES} value={email} onChange={(event) => setEmail(event.target.value)} />
        </label>
        <label className={LABEL}>
          Role
          <select className={INPUT_CLASSES} value={role} onChange={(event) => setRole(event.target.value as "admin" | "member")}>
            <option value="member">Member</option>
            <option value="admin">Admin</option>
          </select>
        </label>
        <Button type="submit" variant="secondary">
          Add
        </Button>
      </form>
      {status ? (
        <Notice tone={status.tone} role={status.tone === "error" ? "alert" : "status"}>
          {status.text}
        </Notice>
      ) : null}
    </div>
  );
}

export function TeamSettingsPage({ teamId, teamName, currentUserId }: { teamId: string; teamName: string; currentUserId: string }) {
  return (
    <div className="space-y-6">
      <p>
        <a href="/dashboard" className="text-sm font-semibold text-indigo-700 underline dark:text-indigo-300">
          ← Dashboard
        </a>
      </p>
      <Card aria-labelledby="team-heading" className="space-y-2">
        <h1 id="team-heading" className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
          {teamName}: team settings
        </h1>
        <p className="text-slate-600 dark:text-slate-300">Only this team&apos;s admins see this page.</p>
      </Card>
      <Card>
        <PolicyAndWebhooks teamId={teamId} />
      </Card>
      <Card>
        <Members teamId={teamId} currentUserId={currentUserId} />
      </Card>
    </div>
  );
}
