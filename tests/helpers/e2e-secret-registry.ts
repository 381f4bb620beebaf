import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** A JSON-lines file where every e2e test records the secret material it used. */
    secretRegistryPath: string;
  }
}

export type TSecretMaterial = { id?: string; linkKey?: string; text?: string; passphrase?: string };

/** Called by the e2e flows, so the log scan after the run knows what must never appear. */
export function rememberSecretMaterial(material: TSecretMaterial): void {
  appendFileSync(inject("secretRegistryPath"), `${JSON.stringify(material)}\n`);
}

/**
 * Every place in `log` where a piece of recorded secret material appears, named by kind
 * only (the report must not print the secrets either). Multi-line texts are checked line by
 * line as well, so a partial leak is caught.
 */
export function findSecretsInLog(options: { log: string; registryPath: string }): { checked: number; leaks: string[] } {
  if (!existsSync(options.registryPath)) return { checked: 0, leaks: [] };
  const entries = readFileSync(options.registryPath, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TSecretMaterial);
  const leaks: string[] = [];
  entries.forEach((entry, index) => {
    const needles: Array<[string, string | undefined]> = [
      ["id", entry.id],
      ["link key", entry.linkKey],
      ["passphrase", entry.passphrase],
      ["plaintext", entry.text],
      ...(entry.text?.split("\n").filter((line) => line.trim().length >= 8).map((line): [string, string] => ["plaintext line", line]) ?? []),
    ];
    for (const [kind, needle] of needles) {
      if (needle && options.log.includes(needle)) leaks.push(`entry ${index}: ${kind}`);
    }
  });
  return { checked: entries.length, leaks };
}
