/**
 * Recognises well-known credential formats in pasted text so the create form can suggest a
 * short expiry. Pure and synchronous: it runs in the browser on every edit, never sends the
 * text anywhere, and never returns the matched text itself (only what kind it is).
 */

export type TKeyKind =
  | "aws-access-key-id"
  | "github-token"
  | "stripe-key"
  | "slack-token"
  | "slack-webhook-url"
  | "private-key"
  | "jwt";

export type TKeyDetection = {
  kind: TKeyKind;
  /** Human name for the warning, e.g. "GitHub personal access token". */
  label: string;
};

/** The expiry the UI suggests once a live credential is recognised. */
export const SUGGESTED_EXPIRES_IN_SECONDS_FOR_KEYS = 3_600;

// Lookarounds instead of \b: "_" is a word character, and tokens such as ghp_... or
// sk_live_... contain it. Starting a match only at a token boundary also keeps every pattern
// linear on a long base64 blob (no restart inside a run of token characters).
const START = "(?<![A-Za-z0-9_-])";
const END = "(?![A-Za-z0-9])";

type TPattern = { kind: TKeyKind; regex: RegExp; label: (match: RegExpExecArray) => string };

const GITHUB_LABELS: Record<string, string> = {
  ghp: "GitHub personal access token",
  gho: "GitHub OAuth access token",
  ghu: "GitHub user-to-server token",
  ghs: "GitHub server-to-server token",
  ghr: "GitHub refresh token",
};

const STRIPE_LABELS: Record<string, string> = {
  sk_live: "Stripe live secret key",
  rk_live: "Stripe live restricted key",
  sk_test: "Stripe test secret key",
  rk_test: "Stripe test restricted key",
};

const SLACK_LABELS: Record<string, string> = {
  "xoxb-": "Slack bot token",
  "xoxp-": "Slack user token",
  "xapp-": "Slack app-level token",
};

const PEM_QUALIFIER_NAMES: Record<string, string> = {
  ENCRYPTED: "Encrypted",
  OPENSSH: "OpenSSH",
};

const PATTERNS: readonly TPattern[] = [
  {
    kind: "private-key",
    // Bounded middle part: RSA, EC, DSA, OPENSSH, ENCRYPTED, PGP ... never a long run.
    regex: /-----BEGIN ([A-Z0-9]+(?: [A-Z0-9]+){0,3} )?PRIVATE KEY(?: BLOCK)?-----/,
    label: (match) => {
      const qualifier = match[1]?.trim();
      if (!qualifier) return "Private key (PEM)";
      return `${PEM_QUALIFIER_NAMES[qualifier] ?? qualifier} private key (PEM)`;
    },
  },
  {
    kind: "aws-access-key-id",
    regex: new RegExp(`${START}(?:AKIA|ASIA)[A-Z0-9]{16}${END}`),
    label: (match) =>
      match[0].startsWith("ASIA") ? "AWS temporary access key ID" : "AWS access key ID",
  },
  {
    kind: "github-token",
    regex: new RegExp(`${START}(gh[pousr])_[A-Za-z0-9]{36,251}${END}`),
    label: (match) => GITHUB_LABELS[match[1] ?? ""] ?? "GitHub token",
  },
  {
    kind: "github-token",
    regex: new RegExp(`${START}github_pat_[A-Za-z0-9_]{22,244}${END}`),
    label: () => "GitHub fine-grained personal access token",
  },
  {
    kind: "stripe-key",
    regex: new RegExp(`${START}((?:sk|rk)_(?:live|test))_[A-Za-z0-9]{16,247}${END}`),
    label: (match) => STRIPE_LABELS[match[1] ?? ""] ?? "Stripe key",
  },
  {
    kind: "slack-token",
    regex: new RegExp(`${START}(xox[bp]-|xapp-)[A-Za-z0-9-]{10,250}${END}`),
    label: (match) => SLACK_LABELS[match[1] ?? ""] ?? "Slack token",
  },
  {
    kind: "slack-webhook-url",
    regex: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{8,}/,
    label: () => "Slack webhook URL",
  },
];

// A JWT is header.payload.signature; the header is base64url JSON such as {"alg":"HS256"}.
// Candidate parts are capped so a pathological paste stays cheap.
const JWT_CANDIDATE = /(?<![A-Za-z0-9_.-])([A-Za-z0-9_-]{10,2048})\.([A-Za-z0-9_-]{2,16384})\.([A-Za-z0-9_-]{0,2048})(?![A-Za-z0-9_-])/g;

function decodeBase64UrlToText(text: string): string | null {
  if (text.length % 4 === 1) return null;
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(text.length / 4) * 4, "=");
  try {
    const binary = atob(base64);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function isJsonObjectWith(text: string | null, field: string): boolean {
  if (text === null) return false;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) && field in value;
  } catch {
    return false;
  }
}

function containsJwt(text: string): boolean {
  JWT_CANDIDATE.lastIndex = 0;
  for (let match = JWT_CANDIDATE.exec(text); match !== null; match = JWT_CANDIDATE.exec(text)) {
    const [, header = "", payload = ""] = match;
    // The payload of a JWS may be anything, but for a JWT it is a JSON claims set as well;
    // requiring both keeps version strings and file names (a.b.c) out.
    if (isJsonObjectWith(decodeBase64UrlToText(header), "alg") && decodeBase64UrlToText(payload)?.trimStart().startsWith("{")) {
      return true;
    }
  }
  return false;
}

/**
 * Lists the credential types found in `text`, one entry per distinct label, in a fixed order
 * (most dangerous first). Returns an empty array when nothing is recognised.
 */
export function detectKeyTypes(text: string): TKeyDetection[] {
  const detections: TKeyDetection[] = [];
  const seenLabels = new Set<string>();
  const add = (detection: TKeyDetection) => {
    if (seenLabels.has(detection.label)) return;
    seenLabels.add(detection.label);
    detections.push(detection);
  };

  for (const pattern of PATTERNS) {
    const global = new RegExp(pattern.regex.source, "g");
    for (let match = global.exec(text); match !== null; match = global.exec(text)) {
      add({ kind: pattern.kind, label: pattern.label(match) });
    }
  }
  if (containsJwt(text)) add({ kind: "jwt", label: "JSON Web Token (JWT)" });
  return detections;
}
