"use client";

import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";
import { buildShareLink, sealSecret } from "@/lib/crypto";
import { createSecret, fetchMe, isApiError, messageForCreateError } from "@/lib/client";
import { detectKeyTypes, SUGGESTED_EXPIRES_IN_SECONDS_FOR_KEYS } from "@/lib/key-detection";
import {
  DEFAULT_EXPIRES_IN_SECONDS,
  DEFAULT_MAX_VIEWS,
  MAX_BODY_BYTES,
  MAX_MAX_VIEWS,
  MIN_MAX_VIEWS,
  ZCreateSecretRequest,
  type TMeResponse,
} from "@/lib/validation";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { FieldError, FieldHint, FieldLabel, INPUT_CLASSES } from "../ui/field";
import { Notice } from "../ui/notice";
import { cx } from "../ui/cx";
import { allowedExpiryChoices, ExpiryChoice } from "./expiry-choice";
import { KeyTypeWarning } from "./key-type-warning";
import { TeamOptions, type TTeamChoice } from "./team-options";

export type TCreatedSecret = {
  id: string;
  link: string;
  manageToken: string;
  expiresAt: string;
  maxViews: number;
  hasPassphrase: boolean;
};

type TPhase = "idle" | "encrypting" | "uploading";
type TFieldErrors = Partial<Record<"text" | "maxViews" | "expiresIn", string>>;

const PHASE_WORDS: Record<TPhase, string> = {
  idle: "",
  encrypting: "Encrypting in your browser…",
  uploading: "Storing the encrypted secret…",
};

/** Form values checked with the same schema the server applies; the words are ours. */
function validate(values: { text: string; expiresIn: number; maxViewsText: string; policyMaxViews: number | null }) {
  const errors: TFieldErrors = {};
  if (values.text.trim() === "") errors.text = "Paste the secret you want to share.";
  else if (new TextEncoder().encode(values.text).length > MAX_BODY_BYTES) errors.text = "This secret is too large to share. The limit is about 700 KB of text.";
  const maxViews = values.maxViewsText.trim() === "" ? Number.NaN : Number(values.maxViewsText);
  const upperViews = values.policyMaxViews ?? MAX_MAX_VIEWS;
  if (!ZCreateSecretRequest.shape.maxViews.safeParse(maxViews).success || maxViews > upperViews) {
    errors.maxViews = `Enter a whole number from ${MIN_MAX_VIEWS} to ${upperViews}.`;
  }
  if (!ZCreateSecretRequest.shape.expiresIn.safeParse(values.expiresIn).success) errors.expiresIn = "Choose when the link expires.";
  return { errors, maxViews };
}

export function CreateSecretForm({ onCreated, autoFocus = false }: { onCreated: (created: TCreatedSecret) => void; autoFocus?: boolean }) {
  const ids = { text: useId(), views: useId(), passphrase: useId() };
  const [text, setText] = useState("");
  const [expiresIn, setExpiresIn] = useState<number>(DEFAULT_EXPIRES_IN_SECONDS);
  const [maxViewsText, setMaxViewsText] = useState(String(DEFAULT_MAX_VIEWS));
  const [passphrase, setPassphrase] = useState("");
  const [showPassphrase, setShowPassphrase] = useState(false);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [phase, setPhase] = useState<TPhase>("idle");
  // The submit button stays disabled until React runs: a native submit before hydration
  // must never be possible (the fields also carry no name, so nothing would be serialised).
  const [hydrated, setHydrated] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const viewsRef = useRef<HTMLInputElement>(null);

  const [teams, setTeams] = useState<TMeResponse["teams"]>([]);
  const [teamChoice, setTeamChoice] = useState<TTeamChoice>({ label: "", teamId: "", restrictToTeam: false });
  const policy = teams.find((team) => team.id === teamChoice.teamId)?.policy ?? null;

  // A team policy narrows the choices: the expiry falls back to the longest one allowed.
  useEffect(() => {
    const allowed = allowedExpiryChoices(policy?.maxExpiresInSeconds);
    if (!allowed.some((choice) => choice.seconds === expiresIn)) setExpiresIn(allowed[allowed.length - 1]!.seconds);
  }, [policy?.maxExpiresInSeconds, expiresIn]);

  useEffect(() => {
    setHydrated(true);
    if (autoFocus) textRef.current?.focus();
  }, [autoFocus]);

  // Signed-in creators get team options; signed-out visitors see the form as it is.
  useEffect(() => {
    fetchMe().then(
      (me) => {
        if (!me?.teams.length) return;
        setTeams(me.teams);
        setTeamChoice((choice) => ({ ...choice, teamId: me.teams[0]!.id }));
      },
      () => undefined,
    );
  }, []);

  const deferredText = useDeferredValue(text);
  const detections = useMemo(() => detectKeyTypes(deferredText), [deferredText]);
  const busy = phase !== "idle";

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setSubmitError(null);
    const { errors: found, maxViews } = validate({ text, expiresIn, maxViewsText, policyMaxViews: policy?.maxViews ?? null });
    if (policy?.requirePassphrase && passphrase === "") {
      setErrors(found);
      setSubmitError("Your team requires a passphrase on every link. Add one, and share it by another channel.");
      return;
    }
    setErrors(found);
    if (found.text) return textRef.current?.focus();
    if (found.maxViews) return viewsRef.current?.focus();
    if (found.expiresIn) return;

    setPhase("encrypting");
    try {
      const sealed = await sealSecret({ payload: { type: "text", text }, ...(passphrase !== "" ? { passphrase } : {}) });
      setPhase("uploading");
      const created = await createSecret({
        request: {
          envelope: sealed.envelope,
          verifier: sealed.verifier,
          expiresIn,
          maxViews,
          ...(teams.length && teamChoice.teamId ? { teamId: teamChoice.teamId } : {}),
          ...(teams.length && teamChoice.label.trim() ? { label: teamChoice.label.trim() } : {}),
          ...(teams.length && teamChoice.restrictToTeam ? { restrictTo: "team" as const } : {}),
        },
      });
      onCreated({
        id: created.id,
        link: buildShareLink({ origin: window.location.origin, id: created.id, linkKey: sealed.linkKey }),
        manageToken: created.manageToken,
        expiresAt: created.expiresAt,
        maxViews: created.maxViews,
        hasPassphrase: passphrase !== "",
      });
    } catch (error) {
      setPhase("idle");
      setSubmitError(
        isApiError(error)
          ? messageForCreateError(error)
          : "The secret could not be encrypted in this browser. Nothing was sent. Try again.",
      );
    }
  }

  return (
    <Card aria-labelledby="create-heading">
      <h1 id="create-heading" className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl dark:text-white">
        Share a secret
      </h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        Paste an API key, password or token. It is encrypted in this browser before it leaves; the key to open it
        travels only inside the link you share.
      </p>

      <form method="post" noValidate onSubmit={handleSubmit} className="mt-6 space-y-6">
        <div>
          <FieldLabel htmlFor={ids.text}>Secret</FieldLabel>
          <textarea
            id={ids.text}
            ref={textRef}
            value={text}
            onChange={(event) => setText(event.target.value)}
            rows={6}
            required
            readOnly={busy}
            spellCheck={false}
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            data-1p-ignore
            data-lpignore="true"
            aria-invalid={errors.text ? true : undefined}
            aria-describedby={errors.text ? `${ids.text}-error` : `${ids.text}-hint`}
            placeholder="Paste the secret here"
            className={cx(INPUT_CLASSES, "min-h-36 resize-y font-mono text-sm leading-relaxed")}
          />
          {errors.text ? (
            <FieldError id={`${ids.text}-error`}>{errors.text}</FieldError>
          ) : (
            <FieldHint id={`${ids.text}-hint`}>Multi-line text is fine: config files, PEM keys, .env snippets.</FieldHint>
          )}
        </div>

        <div aria-live="polite">
          <KeyTypeWarning
            detections={detections}
            expiresInSeconds={expiresIn}
            onUseSuggestedExpiry={() => setExpiresIn(SUGGESTED_EXPIRES_IN_SECONDS_FOR_KEYS)}
          />
        </div>

        <ExpiryChoice value={expiresIn} onChange={setExpiresIn} disabled={busy} maxSeconds={policy?.maxExpiresInSeconds ?? null} />

        <div className="grid gap-6 sm:grid-cols-[11rem_1fr]">
          <div>
            <FieldLabel htmlFor={ids.views}>Views allowed</FieldLabel>
            <input
              id={ids.views}
              ref={viewsRef}
              type="number"
              inputMode="numeric"
              min={MIN_MAX_VIEWS}
              max={policy?.maxViews ?? MAX_MAX_VIEWS}
              step={1}
              value={maxViewsText}
              onChange={(event) => setMaxViewsText(event.target.value)}
              readOnly={busy}
              aria-invalid={errors.maxViews ? true : undefined}
              aria-describedby={errors.maxViews ? `${ids.views}-error` : `${ids.views}-hint`}
              className={INPUT_CLASSES}
            />
            {errors.maxViews ? (
              <FieldError id={`${ids.views}-error`}>{errors.maxViews}</FieldError>
            ) : (
              <FieldHint id={`${ids.views}-hint`}>1 to {policy?.maxViews ?? MAX_MAX_VIEWS}; 1 is one-time.</FieldHint>
            )}
          </div>

          <div>
            <FieldLabel htmlFor={ids.passphrase} optional>
              Passphrase
            </FieldLabel>
            <div className="flex gap-2">
              <input
                id={ids.passphrase}
                type={showPassphrase ? "text" : "password"}
                value={passphrase}
                onChange={(event) => setPassphrase(event.target.value)}
                readOnly={busy}
                autoComplete="new-password"
                spellCheck={false}
                data-1p-ignore
                data-lpignore="true"
                aria-describedby={`${ids.passphrase}-hint`}
                className={INPUT_CLASSES}
              />
              <Button
                variant="secondary"
                onClick={() => setShowPassphrase((shown) => !shown)}
                aria-pressed={showPassphrase}
                aria-controls={ids.passphrase}
              >
                {showPassphrase ? "Hide" : "Show"}
              </Button>
            </div>
            <FieldHint id={`${ids.passphrase}-hint`}>
              Adds a second lock. Send the passphrase through another channel (a call, a different app), never
              together with the link.
            </FieldHint>
          </div>
        </div>

        {teams.length ? <TeamOptions teams={teams} value={teamChoice} onChange={setTeamChoice} /> : null}

        {submitError ? (
          <Notice tone="error" role="alert" title="The link was not created">
            {submitError}
          </Notice>
        ) : null}

        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
          <p role="status" aria-live="polite" className="text-sm text-slate-600 dark:text-slate-400">
            {PHASE_WORDS[phase]}
          </p>
          <Button type="submit" busy={busy} disabled={!hydrated} className="w-full sm:w-auto">
            Create secret link
          </Button>
        </div>
      </form>
    </Card>
  );
}
