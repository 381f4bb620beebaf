import type { ComponentProps } from "react";
import { buttonClasses, FOCUS_RING, type TButtonVariant } from "./classes";
import { Spinner } from "./spinner";

export { FOCUS_RING };

export function Button({
  variant = "primary",
  size = "md",
  busy = false,
  className,
  children,
  disabled,
  type = "button",
  ...props
}: ComponentProps<"button"> & { variant?: TButtonVariant; size?: "sm" | "md"; busy?: boolean }) {
  return (
    <button
      type={type}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      className={buttonClasses({ variant, size, extra: className })}
      {...props}
    >
      {busy ? <Spinner /> : null}
      {children}
    </button>
  );
}
