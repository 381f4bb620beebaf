"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { postToNextAuth } from "./next-auth-form";

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      busy={busy}
      onClick={() => {
        setBusy(true);
        postToNextAuth({ action: "/api/auth/signout", callbackUrl: "/" }).catch(() => setBusy(false));
      }}
    >
      Sign out
    </Button>
  );
}
