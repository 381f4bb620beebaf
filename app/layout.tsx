import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { SITE_BODY_CLASSES, SITE_MAIN_CLASSES } from "@/components/ui/classes";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Hushlink — share a secret once", template: "%s · Hushlink" },
  description: "Share API keys and passwords through links that expire and work once. Encrypted in your browser.",
  applicationName: "Hushlink",
  formatDetection: { telephone: false, email: false, address: false },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f1f5f9" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request so Next can put this request's CSP nonce (set by
  // proxy.ts) on its scripts; a prerendered page would carry no nonce and not run.
  await connection();

  return (
    <html lang="en">
      <body className={SITE_BODY_CLASSES}>
        <SiteHeader />
        <main id="main" className={SITE_MAIN_CLASSES}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
