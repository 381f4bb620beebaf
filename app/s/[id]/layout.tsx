import type { Metadata } from "next";
import type { ReactNode } from "react";

const TITLE = "Hushlink — a one-time secret";
const DESCRIPTION = "Someone shared a secret with you through Hushlink. Open the link in your browser to view it.";

// Link unfurlers (Slackbot, Teams, mail scanners) read this HTML. It says what the link is
// and nothing about this secret: no expiry, no view count, no ciphertext.
export const metadata: Metadata = {
  title: { absolute: TITLE },
  description: DESCRIPTION,
  robots: { index: false, follow: false, nocache: true, googleBot: { index: false, follow: false } },
  openGraph: { title: TITLE, description: DESCRIPTION, type: "website", siteName: "Hushlink" },
  twitter: { card: "summary", title: TITLE, description: DESCRIPTION },
};

export default function SecretLayout({ children }: { children: ReactNode }) {
  return children;
}
