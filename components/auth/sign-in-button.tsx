"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { postToNextAuth } from "./next-auth-form";

export function SignInButton({ providerName, callbackUrl }: { providerName: string; callbackUrl: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      className="w-full"
      busy={busy}
      onClick={() => {
        setBusy(true);
        postToNextAuth({ action: "/api/auth/signin/oidc", callbackUrl }).catch(() => setBusy(false));
      }}
    >
      Sign in with {providerName}
    </Button>
  );
}
