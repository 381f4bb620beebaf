import type { Metadata } from "next";
import { FOCUS_RING } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cx } from "@/components/ui/cx";

export const metadata: Metadata = {
  title: "Page not found",
  robots: { index: false, follow: false },
};

export default function NotFound() {
  return (
    <Card>
      <h1 className="text-2xl font-bold tracking-tight">Page not found</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-300">There is nothing at this address.</p>
      <a
        href="/"
        className={cx(
          "mt-6 inline-flex rounded-lg bg-indigo-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400",
          FOCUS_RING,
        )}
      >
        Share a secret
      </a>
    </Card>
  );
}
