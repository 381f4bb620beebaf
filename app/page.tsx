import type { Metadata } from "next";
import { CreateSecretPage } from "./page-client";

export const metadata: Metadata = {
  title: { absolute: "Hushlink — share a secret once" },
};

export default function Page() {
  return <CreateSecretPage />;
}
