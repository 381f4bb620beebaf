export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true">
      <rect width="32" height="32" rx="8" className="fill-indigo-600 dark:fill-indigo-500" />
      <path d="M11 14v-2.5a5 5 0 0 1 10 0V14" fill="none" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" />
      <rect x="8.5" y="14" width="15" height="11" rx="2.5" fill="#fff" />
      <circle cx="16" cy="18.6" r="1.7" className="fill-indigo-600 dark:fill-indigo-500" />
      <path d="M16 19.5v2.6" className="stroke-indigo-600 dark:stroke-indigo-500" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}
