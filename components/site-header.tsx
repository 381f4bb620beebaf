import { currentUser } from "@/lib/auth/current-user";
import { isSignInConfigured } from "@/lib/auth/auth-options";
import { parseServerEnv } from "@/lib/env";
import { SignOutButton } from "./auth/sign-out-button";
import { LogoMark } from "./logo-mark";
import { FOCUS_RING } from "./ui/button";
import { cx } from "./ui/cx";

const NAV_LINK = cx("rounded-lg px-3 py-1.5 text-sm font-semibold text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800", FOCUS_RING);

export async function SiteHeader() {
  const env = parseServerEnv();
  const signInEnabled = isSignInConfigured(env);
  const user = signInEnabled ? await currentUser() : null;
  return (
    <>
      {env.HUSHLINK_DEMO_SIGN_IN === "1" ? (
        <p data-testid="demo-sign-in-banner" role="note" className="bg-amber-100 px-4 py-2 text-center text-sm font-semibold text-amber-900 dark:bg-amber-900 dark:text-amber-50">
          Demo sign-in — not for production
        </p>
      ) : null}
      <header className="mx-auto flex w-full max-w-3xl flex-wrap items-center justify-between gap-4 px-4 pt-6 pb-2 sm:px-6 sm:pt-10">
        {/* A plain link: leaving a reveal page should drop everything held in memory. */}
        <a href="/" className={cx("-m-1.5 flex items-center gap-3 rounded-xl p-1.5", FOCUS_RING)}>
          <LogoMark className="h-9 w-9 shrink-0" />
          <span className="flex flex-col">
            <span className="text-lg leading-tight font-bold tracking-tight text-slate-900 dark:text-white">Hushlink</span>
            <span className="text-sm leading-tight text-slate-600 dark:text-slate-400">One-time links for keys and passwords</span>
          </span>
        </a>
        {signInEnabled ? (
          <nav aria-label="Account" className="flex flex-wrap items-center gap-1">
            {user ? (
              <>
                <a href="/dashboard" className={NAV_LINK}>
                  Dashboard
                </a>
                <span className="px-2 text-sm text-slate-600 dark:text-slate-400" data-testid="signed-in-as">
                  {user.name ?? user.email}
                </span>
                <SignOutButton />
              </>
            ) : (
              <a href="/sign-in" className={NAV_LINK}>
                Sign in
              </a>
            )}
          </nav>
        ) : null}
      </header>
    </>
  );
}
