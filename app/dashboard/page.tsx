import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { DashboardPage } from "./page-client";

export const metadata: Metadata = { title: "Dashboard", robots: { index: false, follow: false } };

export default async function Dashboard() {
  const user = await currentUser();
  if (!user) redirect("/sign-in?callbackUrl=/dashboard");
  const teams = user.memberships.map((membership) => ({ id: membership.teamId, name: membership.teamName, role: membership.role }));
  return <DashboardPage userName={user.name ?? user.email} teams={teams} isInstanceAdmin={user.isInstanceAdmin} />;
}
