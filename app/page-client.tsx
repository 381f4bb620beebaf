"use client";

import { useState } from "react";
import { CreateSecretForm, type TCreatedSecret } from "@/components/create/create-secret-form";
import { ShareResult } from "@/components/create/share-result";

/**
 * The create flow: a form, then the link. The form unmounts once the link exists, which
 * drops the plaintext from React state; "create another" mounts a fresh, empty form.
 */
export function CreateSecretPage() {
  const [created, setCreated] = useState<TCreatedSecret | null>(null);
  const [formKey, setFormKey] = useState(0);

  if (created) {
    return (
      <ShareResult
        created={created}
        onCreateAnother={() => {
          setCreated(null);
          setFormKey((key) => key + 1);
        }}
      />
    );
  }
  return <CreateSecretForm key={formKey} autoFocus={formKey > 0} onCreated={setCreated} />;
}
