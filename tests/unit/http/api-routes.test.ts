import { describe, expect, it } from "vitest";
import { matchApiRoute } from "@/lib/http/api-routes";

const ID = "AAECAwQFBgcICQoLDA0ODw";

describe("matchApiRoute: every route of HTTP API v1", () => {
  const routes: Array<[method: string, path: string, expected: ReturnType<typeof matchApiRoute>]> = [
    ["POST", "/api/v1/secrets", { kind: "route", name: "createSecret" }],
    ["GET", `/api/v1/secrets/${ID}`, { kind: "route", name: "describeSecret", id: ID }],
    ["HEAD", `/api/v1/secrets/${ID}`, { kind: "route", name: "describeSecret", id: ID }],
    ["POST", `/api/v1/secrets/${ID}/reveal`, { kind: "route", name: "revealSecret", id: ID }],
    ["DELETE", `/api/v1/secrets/${ID}`, { kind: "route", name: "burnSecret", id: ID }],
    ["GET", "/api/health", { kind: "route", name: "health" }],
    ["HEAD", "/api/health", { kind: "route", name: "health" }],
  ];
  for (const [method, path, expected] of routes) {
    it(`routes ${method} ${path.replace(ID, ":id")}`, () => {
      expect(matchApiRoute(method, path)).toEqual(expected);
    });
  }

  it("has no id on the routes that take none", () => {
    expect(matchApiRoute("POST", "/api/v1/secrets")).not.toHaveProperty("id");
    expect(matchApiRoute("GET", "/api/health")).not.toHaveProperty("id");
  });

  it("matches methods case-insensitively", () => {
    expect(matchApiRoute("post", "/api/v1/secrets")).toEqual({ kind: "route", name: "createSecret" });
    expect(matchApiRoute("Delete", `/api/v1/secrets/${ID}`)).toEqual({ kind: "route", name: "burnSecret", id: ID });
  });

  it("hands the id over raw; validating it is the handler's job", () => {
    expect(matchApiRoute("GET", "/api/v1/secrets/not-an-id")).toEqual({ kind: "route", name: "describeSecret", id: "not-an-id" });
    expect(matchApiRoute("POST", "/api/v1/secrets/x/reveal")).toEqual({ kind: "route", name: "revealSecret", id: "x" });
  });
});

describe("matchApiRoute: trailing slashes", () => {
  it("treats one or more trailing slashes like none", () => {
    expect(matchApiRoute("POST", "/api/v1/secrets/")).toEqual({ kind: "route", name: "createSecret" });
    expect(matchApiRoute("POST", "/api/v1/secrets//")).toEqual({ kind: "route", name: "createSecret" });
    expect(matchApiRoute("GET", `/api/v1/secrets/${ID}/`)).toEqual({ kind: "route", name: "describeSecret", id: ID });
    expect(matchApiRoute("POST", `/api/v1/secrets/${ID}/reveal/`)).toEqual({ kind: "route", name: "revealSecret", id: ID });
    expect(matchApiRoute("GET", "/api/health/")).toEqual({ kind: "route", name: "health" });
  });

  it("never turns a trailing slash into an empty id", () => {
    expect(matchApiRoute("GET", "/api/v1/secrets/")).toEqual({ kind: "method_not_allowed", allow: "POST" });
  });
});

describe("matchApiRoute: 405 with the Allow list", () => {
  const cases: Array<[method: string, path: string, allow: string]> = [
    ["GET", "/api/v1/secrets", "POST"],
    ["PUT", "/api/v1/secrets", "POST"],
    ["DELETE", "/api/v1/secrets", "POST"],
    ["POST", `/api/v1/secrets/${ID}`, "GET, HEAD, DELETE"],
    ["PUT", `/api/v1/secrets/${ID}`, "GET, HEAD, DELETE"],
    ["PATCH", `/api/v1/secrets/${ID}`, "GET, HEAD, DELETE"],
    ["OPTIONS", `/api/v1/secrets/${ID}`, "GET, HEAD, DELETE"],
    ["GET", `/api/v1/secrets/${ID}/reveal`, "POST"],
    ["HEAD", `/api/v1/secrets/${ID}/reveal`, "POST"],
    ["DELETE", `/api/v1/secrets/${ID}/reveal`, "POST"],
    ["POST", "/api/health", "GET, HEAD"],
    ["DELETE", "/api/health", "GET, HEAD"],
  ];
  for (const [method, path, allow] of cases) {
    it(`answers ${method} ${path.replace(ID, ":id")} with Allow: ${allow}`, () => {
      expect(matchApiRoute(method, path)).toEqual({ kind: "method_not_allowed", allow });
    });
  }

  it("does not mistake Object.prototype names for methods", () => {
    for (const method of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
      expect(matchApiRoute(method, "/api/v1/secrets").kind).toBe("method_not_allowed");
      expect(matchApiRoute(method, `/api/v1/secrets/${ID}`).kind).toBe("method_not_allowed");
    }
  });
});

describe("matchApiRoute: unknown paths", () => {
  const unknown = [
    "/",
    "",
    "/api",
    "/api/",
    "/api/v1",
    "/api/v2/secrets",
    "/api/v1/secret",
    "/api/v1/secretsx",
    `/api/v1/secrets/${ID}/reveal/extra`,
    `/api/v1/secrets/${ID}/burn`,
    `/api/v1/secrets/${ID}/reveals`,
    `/api/v1/secrets/${ID}/${ID}`,
    "/api//v1/secrets",
    "/API/V1/SECRETS",
    "/api/healthz",
    "/api/health/extra",
    `/s/${ID}`,
    "/api/v1/secrets/../health",
  ];
  for (const path of unknown) {
    it(`answers not_found for ${JSON.stringify(path)} whatever the method`, () => {
      for (const method of ["GET", "POST", "DELETE", "HEAD"]) expect(matchApiRoute(method, path)).toEqual({ kind: "not_found" });
    });
  }
});
