export function SiteFooter() {
  return (
    <footer className="mx-auto w-full max-w-3xl px-4 pt-4 pb-10 text-sm text-slate-500 sm:px-6 dark:text-slate-400">
      <ul className="flex flex-col gap-1.5 sm:flex-row sm:flex-wrap sm:gap-x-6">
        <li>Encrypted in your browser before upload</li>
        <li>The key stays in the link, never on the server</li>
        <li>Links expire and self-destruct</li>
      </ul>
    </footer>
  );
}
