"use client";

import { useEffect, useState } from "react";
import { fetchInstanceSettings, saveInstanceSettings } from "@/lib/client";
import { Card } from "@/components/ui/card";

/** For instance admins: whether signed-out visitors may create links on this instance. */
export function InstanceSettings() {
  const [allowed, setAllowed] = useState<boolean | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    fetchInstanceSettings().then((settings) => setAllowed(settings.anonymousCreationAllowed), () => setNote("Could not load the instance settings."));
  }, []);
  if (allowed === null && !note) return null;
  return (
    <Card aria-labelledby="instance-heading" className="space-y-3">
      <h2 id="instance-heading" className="text-lg font-semibold text-slate-900 dark:text-white">
        This instance
      </h2>
      {allowed !== null ? (
        <label className="flex items-center gap-3 text-sm text-slate-800 dark:text-slate-200">
          <input
            type="checkbox"
            className="h-4 w-4 accent-indigo-600"
            checked={allowed}
            onChange={(event) => {
              const next = event.target.checked;
              saveInstanceSettings(next).then(
                (saved) => {
                  setAllowed(saved.anonymousCreationAllowed);
                  setNote("Saved.");
                },
                () => setNote("Could not save; try again."),
              );
            }}
          />
          Let signed-out visitors create links
        </label>
      ) : null}
      {note ? <p role="status" className="text-sm text-slate-600 dark:text-slate-300">{note}</p> : null}
    </Card>
  );
}
