/**
 * Class strings shared by the React components and the React-free reveal page
 * (components/reveal-page), so both look the same. Plain strings: no React, no DOM.
 */
import { cx } from "./cx";

export type TButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type TNoticeTone = "info" | "warning" | "error" | "success";

export const BUTTON_VARIANT_CLASSES: Record<TButtonVariant, string> = {
  primary:
    "bg-indigo-600 text-white shadow-sm hover:bg-indigo-500 active:bg-indigo-700 dark:bg-indigo-500 dark:hover:bg-indigo-400",
  secondary:
    "bg-white text-slate-800 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600 dark:hover:bg-slate-700",
  danger:
    "bg-white text-rose-700 shadow-sm ring-1 ring-inset ring-rose-300 hover:bg-rose-50 dark:bg-slate-800 dark:text-rose-300 dark:ring-rose-800 dark:hover:bg-rose-950",
  ghost: "text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800",
};

export const FOCUS_RING =
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-400";

/** The full class list of a Button; `extra` goes last so callers can widen or align it. */
export function buttonClasses(options: { variant?: TButtonVariant; size?: "sm" | "md"; extra?: string } = {}): string {
  return cx(
    "inline-flex items-center justify-center gap-2 rounded-lg font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-60",
    (options.size ?? "md") === "md" ? "px-4 py-2.5 text-sm" : "px-3 py-1.5 text-sm",
    BUTTON_VARIANT_CLASSES[options.variant ?? "primary"],
    FOCUS_RING,
    options.extra,
  );
}

export const CARD_CLASSES = "rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-8 dark:bg-slate-900 dark:ring-slate-800";

export const INPUT_CLASSES =
  "block w-full rounded-lg border-0 bg-white px-3 py-2.5 text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 focus:outline-none aria-invalid:ring-rose-500 dark:bg-slate-950 dark:text-slate-100 dark:ring-slate-700 dark:placeholder:text-slate-500 dark:focus:ring-indigo-400 dark:aria-invalid:ring-rose-400";

export const FIELD_LABEL_CLASSES = "mb-1.5 block text-sm font-semibold text-slate-800 dark:text-slate-100";
export const FIELD_HINT_CLASSES = "mt-1.5 text-sm text-slate-600 dark:text-slate-400";
export const FIELD_ERROR_CLASSES = "mt-1.5 text-sm font-medium text-rose-700 dark:text-rose-300";

export const NOTICE_BASE_CLASSES = "flex gap-3 rounded-xl p-4 text-sm ring-1 ring-inset";

export const NOTICE_TONE_CLASSES: Record<TNoticeTone, string> = {
  info: "bg-slate-50 text-slate-700 ring-slate-200 dark:bg-slate-800/60 dark:text-slate-200 dark:ring-slate-700",
  warning: "bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-950/50 dark:text-amber-100 dark:ring-amber-900",
  error: "bg-rose-50 text-rose-900 ring-rose-200 dark:bg-rose-950/50 dark:text-rose-100 dark:ring-rose-900",
  success: "bg-emerald-50 text-emerald-900 ring-emerald-200 dark:bg-emerald-950/50 dark:text-emerald-100 dark:ring-emerald-900",
};

export const NOTICE_ICON_PATHS: Record<TNoticeTone, string> = {
  info: "M12 8h.01M11 12h1v4h1M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Z",
  warning: "M12 9v4m0 4h.01M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z",
  error: "M12 8v4m0 4h.01M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Z",
  success: "m9 12 2 2 4-4m6 2a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z",
};

export const SPINNER_CLASSES = "h-4 w-4 animate-spin";

export const HEADING_CLASSES = "text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl dark:text-white";

/** Site chrome (components/site-header.tsx, site-footer.tsx). */
export const SITE_HEADER_CLASSES = "mx-auto flex w-full max-w-3xl flex-wrap items-center justify-between gap-4 px-4 pt-6 pb-2 sm:px-6 sm:pt-10";
export const SITE_HOME_LINK_CLASSES = cx("-m-1.5 flex items-center gap-3 rounded-xl p-1.5", FOCUS_RING);
export const SITE_NAV_LINK_CLASSES = cx(
  "rounded-lg px-3 py-1.5 text-sm font-semibold text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800",
  FOCUS_RING,
);
export const DEMO_BANNER_CLASSES = "bg-amber-100 px-4 py-2 text-center text-sm font-semibold text-amber-900 dark:bg-amber-900 dark:text-amber-50";
export const SITE_MAIN_CLASSES = "mx-auto w-full max-w-3xl flex-1 px-4 py-6 sm:px-6";
export const SITE_FOOTER_CLASSES = "mx-auto w-full max-w-3xl px-4 pt-4 pb-10 text-sm text-slate-500 sm:px-6 dark:text-slate-400";
export const SITE_BODY_CLASSES = "flex min-h-dvh flex-col";
