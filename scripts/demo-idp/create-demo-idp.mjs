import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import Provider from "oidc-provider";
import { findDemoUser } from "./demo-users.mjs";
import { loginPage } from "./login-page.mjs";

const MAX_FORM_BYTES = 4_096;

/** Refuses to run in production unless explicitly forced: it signs anyone in with one click. */
export function assertDemoAllowed(env = process.env) {
  if (env.NODE_ENV === "production" && env.DEMO_IDP_FORCE !== "1") {
    throw new Error("The demo identity provider refuses to start with NODE_ENV=production (set DEMO_IDP_FORCE=1 to override).");
  }
}

function readForm(request) {
  return new Promise((resolve, reject) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk) => {
      body += chunk;
      if (body.length > MAX_FORM_BYTES) reject(new Error("form too large"));
    });
    request.on("end", () => resolve(new URLSearchParams(body)));
    request.on("error", reject);
  });
}

/**
 * A real OpenID Connect provider (oidc-provider) with the demo users: authorization code
 * flow with PKCE (S256) required, claims email, email_verified, name and groups, an RS256
 * key made at start. Login is one click on a page of its own; consent is granted for the
 * requested scopes, as a company IdP would for a first-party app.
 * @param {{ port: number, host?: string, clients: Array<{ client_id: string, client_secret: string, redirect_uris: string[] }> }} options
 */
export async function startDemoIdp({ port, host = "127.0.0.1", clients }) {
  assertDemoAllowed();
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: randomBytes(8).toString("hex"), use: "sig", alg: "RS256" };

  const server = createServer();
  await new Promise((resolve) => server.listen(port, host, resolve));
  const issuer = `http://${host === "127.0.0.1" ? "localhost" : host}:${server.address().port}`;

  const provider = new Provider(issuer, {
    clients: clients.map((client) => ({
      ...client,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    })),
    pkce: { required: () => true, methods: ["S256"] },
    scopes: ["openid", "email", "profile", "groups"],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    // Put the scope's claims in the ID token too, as Okta and Entra ID do for groups.
    conformIdTokenClaims: false,
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const user = findDemoUser(sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, email: user.email, email_verified: user.email_verified, name: user.name, groups: user.groups }),
      };
    },
    ttl: { Session: 3600, Interaction: 600, Grant: 3600, AccessToken: 600, AuthorizationCode: 60, IdToken: 600 },
    renderError: async (ctx, out) => {
      ctx.type = "html";
      ctx.body = `<!doctype html><title>Demo sign-in error</title><p>Demo sign-in — not for production</p><pre>${String(out.error)}: ${String(out.error_description ?? "")}</pre>`;
    },
  });
  const handleOidc = provider.callback();

  server.on("request", async (request, response) => {
    const url = new URL(request.url ?? "/", issuer);
    const login = /^\/interaction\/([^/]+)\/login$/.exec(url.pathname);
    const show = /^\/interaction\/([^/]+)$/.exec(url.pathname);
    try {
      if (show && request.method === "GET") {
        const details = await provider.interactionDetails(request, response);
        if (details.prompt.name === "login") {
          const client = await provider.Client.find(details.params.client_id);
          response.setHeader("Content-Type", "text/html; charset=utf-8");
          response.setHeader("Cache-Control", "no-store");
          response.end(loginPage({ uid: details.uid, clientName: client?.clientName ?? "Hushlink" }));
          return;
        }
        const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
        const missingScope = details.prompt.details.missingOIDCScope;
        if (missingScope) grant.addOIDCScope(missingScope.join(" "));
        const missingClaims = details.prompt.details.missingOIDCClaims;
        if (missingClaims) grant.addOIDCClaims(missingClaims);
        const grantId = await grant.save();
        await provider.interactionFinished(request, response, { consent: { grantId } }, { mergeWithLastSubmission: true });
        return;
      }
      if (login && request.method === "POST") {
        const form = await readForm(request);
        const user = findDemoUser(form.get("sub") ?? "");
        if (!user) {
          response.statusCode = 400;
          response.end("unknown demo user");
          return;
        }
        await provider.interactionFinished(request, response, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
        return;
      }
      handleOidc(request, response);
    } catch (error) {
      response.statusCode = 400;
      response.setHeader("Content-Type", "text/plain; charset=utf-8");
      response.end(`demo sign-in failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });

  return {
    issuer,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
