import { FOCUS_RING } from "./ui/button";
import { cx } from "./ui/cx";
import { LogoMark } from "./logo-mark";

export function SiteHeader() {
  return (
    <header className="mx-auto flex w-full max-w-3xl items-center justify-between gap-4 px-4 pt-6 pb-2 sm:px-6 sm:pt-10">
      {/* A plain link: leaving a reveal page should drop everything held in memory. */}
      <a href="/" className={cx("-m-1.5 flex items-center gap-3 rounded-xl p-1.5", FOCUS_RING)}>
        <LogoMark className="h-9 w-9 shrink-0" />
        <span className="flex flex-col">
          <span className="text-lg leading-tight font-bold tracking-tight text-slate-900 dark:text-white">Hushlink</span>
          <span className="text-sm leading-tight text-slate-600 dark:text-slate-400">One-time links for keys and passwords</span>
        </span>
      </a>
    </header>
  );
}
