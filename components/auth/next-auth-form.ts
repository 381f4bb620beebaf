/**
 * next-auth v4 takes sign-in and sign-out as form POSTs carrying its CSRF token. Posting a
 * real form (not fetch) lets the browser follow the redirects to the identity provider.
 */
export async function postToNextAuth(options: { action: "/api/auth/signin/oidc" | "/api/auth/signout"; callbackUrl: string }): Promise<void> {
  const response = await fetch("/api/auth/csrf", { credentials: "same-origin", cache: "no-store" });
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const form = document.createElement("form");
  form.method = "post";
  form.action = options.action;
  for (const [name, value] of Object.entries({ csrfToken, callbackUrl: options.callbackUrl })) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
}

/** Only same-origin relative paths survive as sign-in targets (the server checks again). */
export function safeRelativePath(candidate: string | null | undefined, fallback = "/dashboard"): string {
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || /[\u0000-\u001f\\]/.test(candidate)) return fallback;
  return candidate;
}
