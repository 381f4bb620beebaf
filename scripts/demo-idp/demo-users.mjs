/**
 * The demo identity provider's people: two teams (groups `platform` and `payments`; the
 * `:admin` suffix makes a team admin, see OIDC_ADMIN_GROUP_SUFFIX), someone from a domain
 * the demo does not allow, and someone whose address is not verified.
 * @type {Array<{ sub: string, email: string, email_verified: boolean, name: string, groups: string[], note: string }>}
 */
export const DEMO_USERS = [
  { sub: "demo-alice", email: "alice@acme.test", email_verified: true, name: "Alice Admin", groups: ["platform:admin"], note: "platform, admin" },
  { sub: "demo-bob", email: "bob@acme.test", email_verified: true, name: "Bob Builder", groups: ["platform"], note: "platform, member" },
  { sub: "demo-carol", email: "carol@acme.test", email_verified: true, name: "Carol Cashier", groups: ["payments:admin"], note: "payments, admin" },
  { sub: "demo-dave", email: "dave@acme.test", email_verified: true, name: "Dave Debit", groups: ["payments"], note: "payments, member" },
  { sub: "demo-erin", email: "erin@acme.test", email_verified: true, name: "Erin Newcomer", groups: [], note: "no groups: joins teams by invitation" },
  { sub: "demo-mallory", email: "mallory@evil.test", email_verified: true, name: "Mallory Outsider", groups: ["platform"], note: "domain not allowed" },
  { sub: "demo-unverified", email: "unverified@acme.test", email_verified: false, name: "Una Verified", groups: ["platform"], note: "email not verified" },
];

export function findDemoUser(sub) {
  return DEMO_USERS.find((user) => user.sub === sub) ?? null;
}
