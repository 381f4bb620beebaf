import { EXPIRY_CHOICES } from "@/lib/validation";
import { cx } from "../ui/cx";

/** The expiry choices a policy allows; the shortest always stays, so there is one to pick. */
export function allowedExpiryChoices(maxSeconds: number | null | undefined) {
  if (!maxSeconds) return [...EXPIRY_CHOICES];
  const allowed = EXPIRY_CHOICES.filter((choice) => choice.seconds <= maxSeconds);
  return allowed.length ? allowed : [EXPIRY_CHOICES[0]];
}

/** A radio group styled as segments: native radios keep arrow-key and screen-reader behaviour. */
export function ExpiryChoice({
  value,
  onChange,
  disabled,
  maxSeconds,
}: {
  value: number;
  onChange: (seconds: number) => void;
  disabled?: boolean;
  /** A team policy's longest expiry: longer choices are not offered. */
  maxSeconds?: number | null;
}) {
  const choices = allowedExpiryChoices(maxSeconds);
  return (
    <fieldset disabled={disabled}>
      <legend className="mb-1.5 block text-sm font-semibold text-slate-800 dark:text-slate-100">Expires after</legend>
      <div className="grid grid-cols-2 gap-2 min-[420px]:grid-cols-3 sm:grid-cols-5">
        {choices.map((choice) => (
          <label
            key={choice.seconds}
            className={cx(
              "relative flex cursor-pointer items-center justify-center rounded-lg px-3 py-2.5 text-sm font-medium ring-1 ring-inset transition-colors select-none",
              "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50 dark:bg-slate-950 dark:text-slate-200 dark:ring-slate-700 dark:hover:bg-slate-800",
              "has-checked:bg-indigo-600 has-checked:text-white has-checked:ring-indigo-600 dark:has-checked:bg-indigo-500 dark:has-checked:ring-indigo-500",
              "has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-indigo-600 dark:has-focus-visible:outline-indigo-400",
              "has-disabled:cursor-not-allowed has-disabled:opacity-60",
            )}
          >
            <input
              type="radio"
              name="expiry"
              value={choice.seconds}
              checked={value === choice.seconds}
              onChange={() => onChange(choice.seconds)}
              // Invisible but covering the whole segment: clicks, taps and focus land on the
              // real radio, and the label paints its state through has-checked / has-focus-visible.
              className="absolute inset-0 cursor-pointer appearance-none rounded-lg focus:outline-none"
            />
            {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
