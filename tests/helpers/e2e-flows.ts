import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { rememberSecretMaterial } from "./e2e-secret-registry";

export type TCreateOptions = {
  text: string;
  expiryLabel?: "5 minutes" | "1 hour" | "1 day" | "7 days" | "30 days";
  views?: number;
  passphrase?: string;
};

export type TCreatedLink = { link: string; id: string; linkKey: string };

/** A recognisable value per test, so a leak check can never match another test's data. */
export const uniqueMarker = (prefix: string) => `${prefix}-${randomBytes(9).toString("base64url")}`;

export function splitLink(link: string): TCreatedLink {
  const url = new URL(link);
  const match = /^\/s\/([A-Za-z0-9_-]{22})$/.exec(url.pathname);
  if (!match?.[1]) throw new Error(`not a share link: ${link}`);
  return { link, id: match[1], linkKey: url.hash.slice(1) };
}

/** Fills the create form like a person would and returns the share link it shows. */
export async function createSecretViaUi(page: Page, baseUrl: string, options: TCreateOptions): Promise<TCreatedLink> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel("Secret", { exact: true }).fill(options.text);
  if (options.expiryLabel) await page.getByRole("radio", { name: options.expiryLabel }).check();
  if (options.views !== undefined) await page.getByLabel("Views allowed").fill(String(options.views));
  if (options.passphrase !== undefined) await page.getByLabel("Passphrase").fill(options.passphrase);
  await page.getByRole("button", { name: "Create secret link" }).click();
  const linkField = page.getByTestId("share-link");
  await linkField.waitFor({ state: "visible" });
  const created = splitLink(await linkField.inputValue());
  rememberSecretMaterial({ id: created.id, linkKey: created.linkKey, text: options.text, passphrase: options.passphrase });
  return created;
}

/** Opens a link, waits for the metadata, optionally types a passphrase, presses Reveal. */
export async function openAndReveal(page: Page, link: string, options: { passphrase?: string } = {}): Promise<string> {
  await page.goto(link);
  await page.getByRole("button", { name: "Reveal secret" }).waitFor();
  if (options.passphrase !== undefined) await page.getByLabel("Passphrase").fill(options.passphrase);
  await page.getByRole("button", { name: "Reveal secret" }).click();
  const secret = page.getByTestId("revealed-secret");
  await secret.waitFor({ state: "visible" });
  return secret.inputValue();
}

/** Asks the API (never consuming) how many views a secret has left; null when it is gone. */
export async function viewsLeft(baseUrl: string, id: string): Promise<number | null> {
  const response = await fetch(`${baseUrl}/api/v1/secrets/${id}`);
  if (response.status === 404) return null;
  if (response.status !== 200) throw new Error(`describe answered ${response.status}`);
  const body = (await response.json()) as { viewsLeft: number };
  return body.viewsLeft;
}
