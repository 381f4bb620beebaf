import type { ReactNode } from "react";
import { NOTICE_BASE_CLASSES, NOTICE_ICON_PATHS, NOTICE_TONE_CLASSES, type TNoticeTone } from "./classes";
import { cx } from "./cx";

/** A tinted box with an icon. Live-region roles are the caller's choice (see `role`). */
export function Notice({
  tone,
  title,
  children,
  role,
  className,
  testId,
}: {
  tone: TNoticeTone;
  title?: ReactNode;
  children?: ReactNode;
  role?: "alert" | "status";
  className?: string;
  testId?: string;
}) {
  return (
    <div role={role} data-testid={testId} className={cx(NOTICE_BASE_CLASSES, NOTICE_TONE_CLASSES[tone], className)}>
      <svg className="mt-0.5 h-5 w-5 shrink-0" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        <path d={NOTICE_ICON_PATHS[tone]} />
      </svg>
      <div className="min-w-0 space-y-1">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className="leading-relaxed">{children}</div> : null}
      </div>
    </div>
  );
}
