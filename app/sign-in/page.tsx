import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInButton } from "@/components/auth/sign-in-button";
import { safeRelativePath } from "@/components/auth/next-auth-form";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { isSignInConfigured } from "@/lib/auth/auth-options";
import { currentUser } from "@/lib/auth/current-user";
import { parseServerEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in", robots: { index: false, follow: false } };

const ERROR_MESSAGES: Record<string, string> = {
  AccessDenied: "Your account isn't allowed here: only verified addresses of the company's domains can sign in.",
  OAuthAccountNotLinked: "This address is already linked to another sign-in. Ask an admin for help.",
  SessionRequired: "Please sign in to continue.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeRelativePath(typeof params.callbackUrl === "string" ? params.callbackUrl : null);
  const error = typeof params.error === "string" ? params.error : null;
  const env = parseServerEnv();
  const configured = isSignInConfigured(env);
  if (configured && (await currentUser())) redirect(callbackUrl);

  return (
    <Card aria-labelledby="sign-in-heading" className="mx-auto max-w-md space-y-5">
      <h1 id="sign-in-heading" className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
        Sign in
      </h1>
      {!configured ? (
        <Notice tone="info" title="Sign-in is not set up on this instance">
          You can still create and open links without an account.
        </Notice>
      ) : (
        <>
          <p className="text-slate-600 dark:text-slate-300">
            Sign in with your company account to see the links you and your team created, who opened them, and to burn them early.
          </p>
          {error ? (
            <Notice tone="error" role="alert" testId="sign-in-error">
              {ERROR_MESSAGES[error] ?? "Sign-in did not complete. Please try again."}
            </Notice>
          ) : null}
          <SignInButton providerName={env.OIDC_DISPLAY_NAME} callbackUrl={callbackUrl} />
        </>
      )}
    </Card>
  );
}
