import type { ReactNode } from "react";
import { FIELD_ERROR_CLASSES, FIELD_HINT_CLASSES, FIELD_LABEL_CLASSES, INPUT_CLASSES } from "./classes";

export { INPUT_CLASSES };

export function FieldLabel({ htmlFor, children, optional }: { htmlFor: string; children: ReactNode; optional?: boolean }) {
  return (
    <label htmlFor={htmlFor} className={FIELD_LABEL_CLASSES}>
      {children}
      {optional ? <span className="ml-1.5 font-normal text-slate-500 dark:text-slate-400">(optional)</span> : null}
    </label>
  );
}

export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className={FIELD_HINT_CLASSES}>
      {children}
    </p>
  );
}

export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className={FIELD_ERROR_CLASSES}>
      {children}
    </p>
  );
}
