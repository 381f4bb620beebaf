import { isIPv4, isIPv6 } from "node:net";

/**
 * The access log keeps only the network, not the address: /24 for IPv4, /48 for IPv6.
 * Enough to tell "our office" from "somewhere else", not enough to single out a person.
 */
export function truncateIp(ip: string): string | null {
  const mappedV4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  const address = mappedV4 ?? ip;
  if (isIPv4(address)) return `${address.split(".").slice(0, 3).join(".")}.0/24`;
  if (isIPv6(address)) {
    const [head = "", tail = ""] = address.split("::");
    const headGroups = head ? head.split(":") : [];
    const tailGroups = tail ? tail.split(":") : [];
    const missing = 8 - headGroups.length - tailGroups.length;
    const groups = address.includes("::") ? [...headGroups, ...Array<string>(Math.max(0, missing)).fill("0"), ...tailGroups] : headGroups;
    return `${groups.slice(0, 3).map((group) => group.toLowerCase().replace(/^0+(?=.)/, "")).join(":")}::/48`;
  }
  return null;
}

const BROWSER_PATTERNS: Array<[RegExp, string]> = [
  [/Slackbot|Slack-ImgProxy|Twitterbot|facebookexternalhit|LinkedInBot|Discordbot|TelegramBot|WhatsApp|SkypeUriPreview|Teams/i, "Link preview"],
  [/Edg\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/Firefox\//, "Firefox"],
  [/Chrome\/|Chromium\/|CriOS\//, "Chrome"],
  [/Safari\//, "Safari"],
  [/curl\//i, "curl"],
  [/python-requests|aiohttp|httpx/i, "Python"],
  [/node-fetch|undici|axios/i, "Node.js"],
];

/** A browser family for the access log: the name only, never the full User-Agent. */
export function browserFamily(userAgent: string | null): string {
  if (!userAgent) return "Unknown";
  for (const [pattern, family] of BROWSER_PATTERNS) if (pattern.test(userAgent)) return family;
  return "Other";
}
