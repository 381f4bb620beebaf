import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { TeamSettingsPage } from "./page-client";

export const metadata: Metadata = { title: "Team settings", robots: { index: false, follow: false } };

export default async function TeamSettings({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/dashboard/teams/${teamId}`)}`);
  // Only admins of this very team, from their session; anyone else sees a plain 404.
  const membership = user.memberships.find((candidate) => candidate.teamId === teamId && candidate.role === "admin");
  if (!membership) notFound();
  return <TeamSettingsPage teamId={teamId} teamName={membership.teamName} currentUserId={user.id} />;
}
