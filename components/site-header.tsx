import { currentUser } from "@/lib/auth/current-user";
import { isSignInConfigured } from "@/lib/auth/auth-options";
import { parseServerEnv } from "@/lib/env";
import { SignOutButton } from "./auth/sign-out-button";
import { LogoMark } from "./logo-mark";
import { DEMO_BANNER_CLASSES, SITE_HEADER_CLASSES, SITE_HOME_LINK_CLASSES, SITE_NAV_LINK_CLASSES as NAV_LINK } from "./ui/classes";

export async function SiteHeader() {
  const env = parseServerEnv();
  const signInEnabled = isSignInConfigured(env);
  const user = signInEnabled ? await currentUser() : null;
  return (
    <>
      {env.HUSHLINK_DEMO_SIGN_IN === "1" ? (
        <p data-testid="demo-sign-in-banner" role="note" className={DEMO_BANNER_CLASSES}>
          Demo sign-in — not for production
        </p>
      ) : null}
      <header className={SITE_HEADER_CLASSES}>
        {/* A plain link: leaving a reveal page should drop everything held in memory. */}
        <a href="/" className={SITE_HOME_LINK_CLASSES}>
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
