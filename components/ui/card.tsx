import type { ComponentProps } from "react";
import { CARD_CLASSES } from "./classes";
import { cx } from "./cx";

export function Card({ className, ...props }: ComponentProps<"section">) {
  return (
    <section
      className={cx(CARD_CLASSES, className)}
      {...props}
    />
  );
}
