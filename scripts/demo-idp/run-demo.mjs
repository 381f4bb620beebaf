#!/usr/bin/env node
// `npm run demo`: try teams locally in one command. Builds the app if needed, starts the
// demo identity provider on :3001 and Hushlink on :3000 signed in through it.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { isProductionBuildPresent, productionServerArgs } from "../production-server.mjs";
import { startDemoIdp } from "./create-demo-idp.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const appPort = Number(process.env.PORT ?? 3000);
const idpPort = Number(process.env.DEMO_IDP_PORT ?? 3001);
const appUrl = `http://localhost:${appPort}`;
const clientId = "hushlink-demo";
const clientSecret = "hushlink-demo-secret";

if (!isProductionBuildPresent(root)) {
  console.log("Building Hushlink first (npm run build) ...");
  const build = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const idp = await startDemoIdp({ port: idpPort, clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [`${appUrl}/api/auth/callback/oidc`] }] });
const app = spawn(process.execPath, productionServerArgs(root), {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(appPort),
    DATABASE_URL: process.env.DATABASE_URL ?? "file:./data/demo.db",
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: clientId,
    OIDC_CLIENT_SECRET: clientSecret,
    OIDC_DISPLAY_NAME: "Demo SSO",
    NEXTAUTH_URL: appUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    ALLOWED_EMAIL_DOMAINS: "acme.test",
    ADMIN_EMAILS: "alice@acme.test",
    HUSHLINK_DEMO_SIGN_IN: "1",
  },
});
console.log(`\nHushlink demo: open ${appUrl} and sign in as Alice/Bob (team platform) or Carol/Dave (team payments).\nDemo identity provider (not for production): ${idp.issuer}\n`);

const stop = async (code) => {
  app.kill("SIGTERM");
  await idp.close();
  process.exit(code);
};
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
app.on("exit", (code) => void stop(code ?? 0));
