import { SITE_FOOTER_CLASSES } from "./ui/classes";

export function SiteFooter() {
  return (
    <footer className={SITE_FOOTER_CLASSES}>
      <ul className="flex flex-col gap-1.5 sm:flex-row sm:flex-wrap sm:gap-x-6">
        <li>Encrypted in your browser before upload</li>
        <li>The key stays in the link, never on the server</li>
        <li>Links expire and self-destruct</li>
      </ul>
    </footer>
  );
}
