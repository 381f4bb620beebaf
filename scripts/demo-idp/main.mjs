#!/usr/bin/env node
// Starts the demo identity provider and prints the settings a Hushlink instance needs.
import { startDemoIdp } from "./create-demo-idp.mjs";

export const DEMO_CLIENT_ID = "hushlink-demo";
export const DEMO_CLIENT_SECRET = "hushlink-demo-secret";

const port = Number(process.env.DEMO_IDP_PORT ?? 3001);
const appUrl = (process.env.APP_URL ?? "http://localhost:3000").replace(/\/+$/, "");
const idp = await startDemoIdp({
  port,
  clients: [{ client_id: DEMO_CLIENT_ID, client_secret: DEMO_CLIENT_SECRET, redirect_uris: [`${appUrl}/api/auth/callback/oidc`] }],
});
console.log(`Demo identity provider (not for production) at ${idp.issuer}`);
console.log(["", `OIDC_ISSUER=${idp.issuer}`, `OIDC_CLIENT_ID=${DEMO_CLIENT_ID}`, `OIDC_CLIENT_SECRET=${DEMO_CLIENT_SECRET}`, `OIDC_DISPLAY_NAME="Demo SSO"`, ""].join("\n"));
const stop = () => idp.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
