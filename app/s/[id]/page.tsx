import { notFound } from "next/navigation";
import { ZSecretId } from "@/lib/validation";
import { RevealSecretPage } from "./page-client";

/**
 * The page a share link opens. It never touches the database: it checks the id's shape and
 * hands over to the browser, which reads the key from the fragment, asks for metadata and
 * reveals only when the visitor presses the button. A preview bot fetching this URL gets
 * the same generic shell as everyone else and consumes nothing.
 */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!ZSecretId.safeParse(id).success) notFound();
  return <RevealSecretPage id={id} />;
}
