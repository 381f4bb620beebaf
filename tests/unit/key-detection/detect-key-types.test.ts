import { describe, expect, it } from "vitest";
import { detectKeyTypes, type TKeyKind } from "@/lib/key-detection";

// Fixtures are assembled from pieces so secret scanners do not flag this file; none is real.
const alnum = (length: number) => "A1b2C3d4E5f6G7h8I9j0".repeat(Math.ceil(length / 20)).slice(0, length);
const base64UrlJson = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const jwt = (header: unknown, payload: unknown, signature = alnum(43)) =>
  `${base64UrlJson(header)}.${base64UrlJson(payload)}.${signature}`;

const kinds = (text: string): TKeyKind[] => detectKeyTypes(text).map((detection) => detection.kind);
const labels = (text: string): string[] => detectKeyTypes(text).map((detection) => detection.label);

describe("detectKeyTypes", () => {
  it("finds nothing in ordinary passwords and prose", () => {
    expect(detectKeyTypes("")).toEqual([]);
    expect(detectKeyTypes("correct horse battery staple")).toEqual([]);
    expect(detectKeyTypes("P@ssw0rd!2024\nsecond line")).toEqual([]);
    expect(detectKeyTypes("see version 1.2.3 and file.name.txt")).toEqual([]);
  });

  describe("AWS", () => {
    it("recognises an AKIA access key id", () => {
      expect(labels("AKIAIOSFODNN7EXAMPLE")).toEqual(["AWS access key ID"]);
    });

    it("recognises an ASIA temporary access key id inside a config file", () => {
      const text = `[default]\naws_access_key_id = ASIA${"Q".repeat(12)}7XYZ\nregion = eu-west-1`;
      expect(labels(text)).toEqual(["AWS temporary access key ID"]);
    });

    it("ignores AKIA strings of the wrong length or glued to other characters", () => {
      expect(kinds("AKIAIOSFODNN7EXAMPL")).toEqual([]);
      expect(kinds("AKIAIOSFODNN7EXAMPLEX")).toEqual([]);
      expect(kinds("XAKIAIOSFODNN7EXAMPLE")).toEqual([]);
      expect(kinds("akiaiosfodnn7example")).toEqual([]);
    });
  });

  describe("GitHub", () => {
    it.each([
      ["ghp", "GitHub personal access token"],
      ["gho", "GitHub OAuth access token"],
      ["ghu", "GitHub user-to-server token"],
      ["ghs", "GitHub server-to-server token"],
      ["ghr", "GitHub refresh token"],
    ])("recognises %s_ tokens", (prefix, label) => {
      expect(detectKeyTypes(`GITHUB_TOKEN=${prefix}_${alnum(36)}`)).toEqual([{ kind: "github-token", label }]);
    });

    it("recognises fine-grained github_pat_ tokens", () => {
      const token = `github_pat_${alnum(22)}_${alnum(59)}`;
      expect(labels(token)).toEqual(["GitHub fine-grained personal access token"]);
    });

    it("ignores a prefix without a token body", () => {
      expect(kinds("ghp_short")).toEqual([]);
      expect(kinds("the ghp_ prefix marks personal tokens")).toEqual([]);
    });
  });

  describe("Stripe", () => {
    it.each([
      ["sk_live", "Stripe live secret key"],
      ["rk_live", "Stripe live restricted key"],
      ["sk_test", "Stripe test secret key"],
      ["rk_test", "Stripe test restricted key"],
    ])("recognises %s_ keys", (prefix, label) => {
      expect(detectKeyTypes(`${prefix}_${alnum(24)}`)).toEqual([{ kind: "stripe-key", label }]);
    });

    it("ignores publishable keys", () => {
      expect(kinds(`pk_live_${alnum(24)}`)).toEqual([]);
    });
  });

  describe("Slack", () => {
    it.each([
      [`xoxb-${"1234567890"}-${"1234567890123"}-${alnum(24)}`, "Slack bot token"],
      [`xoxp-${"1234567890"}-${"1234567890"}-${alnum(24)}`, "Slack user token"],
      [`xapp-1-A${alnum(10)}-${"1234567890"}-${alnum(32)}`, "Slack app-level token"],
    ])("recognises %s", (token, label) => {
      expect(detectKeyTypes(token)).toEqual([{ kind: "slack-token", label }]);
    });

    it("recognises an incoming webhook URL", () => {
      const url = `https://hooks.slack.com/services/T${alnum(8)}/B${alnum(8)}/${alnum(24)}`;
      expect(detectKeyTypes(`webhook: ${url}`)).toEqual([{ kind: "slack-webhook-url", label: "Slack webhook URL" }]);
    });

    it("ignores a link to the Slack webhook documentation host alone", () => {
      expect(kinds("https://hooks.slack.com/")).toEqual([]);
    });
  });

  describe("private keys", () => {
    const pem = (type: string) => `-----BEGIN ${type}-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END ${type}-----\n`;

    it.each([
      ["PRIVATE KEY", "Private key (PEM)"],
      ["RSA PRIVATE KEY", "RSA private key (PEM)"],
      ["EC PRIVATE KEY", "EC private key (PEM)"],
      ["OPENSSH PRIVATE KEY", "OpenSSH private key (PEM)"],
      ["ENCRYPTED PRIVATE KEY", "Encrypted private key (PEM)"],
      ["PGP PRIVATE KEY BLOCK", "PGP private key (PEM)"],
    ])("recognises -----BEGIN %s-----", (type, label) => {
      expect(detectKeyTypes(pem(type))).toEqual([{ kind: "private-key", label }]);
    });

    it("ignores public keys and certificates", () => {
      expect(kinds(pem("PUBLIC KEY"))).toEqual([]);
      expect(kinds(pem("CERTIFICATE"))).toEqual([]);
    });
  });

  describe("JWT", () => {
    it("recognises a signed JWT", () => {
      const token = jwt({ alg: "HS256", typ: "JWT" }, { sub: "1234567890", iat: 1_700_000_000 });
      expect(detectKeyTypes(`Authorization: Bearer ${token}`)).toEqual([{ kind: "jwt", label: "JSON Web Token (JWT)" }]);
    });

    it("recognises a JWT at the end of a sentence and an unsigned one", () => {
      expect(kinds(`token is ${jwt({ alg: "RS256" }, { sub: "x" })}.`)).toEqual(["jwt"]);
      expect(kinds(jwt({ alg: "none" }, { sub: "x" }, ""))).toEqual(["jwt"]);
    });

    it("ignores dotted strings whose header is not a JSON object with alg", () => {
      expect(kinds(`${base64UrlJson({ typ: "JWT" })}.${base64UrlJson({ sub: "x" })}.${alnum(20)}`)).toEqual([]);
      expect(kinds(`${base64UrlJson([1, 2])}.${base64UrlJson({ sub: "x" })}.${alnum(20)}`)).toEqual([]);
      expect(kinds(`${alnum(30)}.${alnum(30)}.${alnum(30)}`)).toEqual([]);
      expect(kinds("www.example.com")).toEqual([]);
    });
  });

  it("lists every kind found, once per label, most dangerous first", () => {
    const text = [
      "AKIAIOSFODNN7EXAMPLE",
      `ghp_${alnum(36)}`,
      `ghp_${alnum(40)}`,
      "-----BEGIN PRIVATE KEY-----",
      jwt({ alg: "HS256" }, { sub: "x" }),
    ].join("\n");
    expect(kinds(text)).toEqual(["private-key", "aws-access-key-id", "github-token", "jwt"]);
  });

  it("stays fast on a megabyte of base64 without any key", () => {
    const blob = Buffer.alloc(768 * 1024, 7).toString("base64url");
    const started = performance.now();
    expect(detectKeyTypes(`${blob}.${blob}\n${"a.".repeat(50_000)}`)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
