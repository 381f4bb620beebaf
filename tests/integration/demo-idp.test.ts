import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error plain ESM JavaScript without type declarations
import { assertDemoAllowed, startDemoIdp } from "../../scripts/demo-idp/create-demo-idp.mjs";

type TDemoIdp = { issuer: string; close: () => Promise<void> };

describe("demo identity provider", () => {
  let idp: TDemoIdp;
  beforeAll(async () => {
    idp = (await startDemoIdp({ port: 0, clients: [{ client_id: "c", client_secret: "s", redirect_uris: ["http://localhost:9/cb"] }] })) as TDemoIdp;
  });
  afterAll(async () => idp?.close());

  it("publishes OIDC discovery with PKCE S256, the groups scope and claim", async () => {
    const discovery = (await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery.issuer).toBe(idp.issuer);
    expect(discovery.code_challenge_methods_supported).toEqual(["S256"]);
    expect(discovery.scopes_supported).toEqual(expect.arrayContaining(["openid", "email", "profile", "groups"]));
    expect(discovery.claims_supported).toEqual(expect.arrayContaining(["email", "email_verified", "groups"]));
  });

  it("refuses an authorization request without a PKCE code challenge", async () => {
    const url = new URL(`${idp.issuer}/auth`);
    for (const [name, value] of Object.entries({ client_id: "c", response_type: "code", scope: "openid", redirect_uri: "http://localhost:9/cb", state: "s" })) {
      url.searchParams.set(name, value);
    }
    const response = await fetch(url, { redirect: "manual" });
    const location = response.headers.get("location") ?? "";
    expect(location).toContain("error=invalid_request");
    expect(decodeURIComponent(location.replace(/\+/g, " "))).toMatch(/requires PKCE/);
  });

  it("refuses to start in production unless forced", () => {
    expect(() => assertDemoAllowed({ NODE_ENV: "production" })).toThrow(/refuses to start/);
    expect(() => assertDemoAllowed({ NODE_ENV: "production", DEMO_IDP_FORCE: "1" })).not.toThrow();
    expect(() => assertDemoAllowed({ NODE_ENV: "development" })).not.toThrow();
  });
});
