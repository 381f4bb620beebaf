import type { TDashboardSecret } from "@/lib/validation";
import { cx } from "@/components/ui/cx";

const STATUS_CLASSES: Record<TDashboardSecret["status"], string> = {
  active: "bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-900",
  viewed: "bg-slate-100 text-slate-700 ring-slate-200 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-700",
  expired: "bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-900",
  burned: "bg-rose-50 text-rose-800 ring-rose-200 dark:bg-rose-950 dark:text-rose-200 dark:ring-rose-900",
};

export function StatusBadge({ status }: { status: TDashboardSecret["status"] }) {
  return (
    <span className={cx("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold capitalize ring-1 ring-inset", STATUS_CLASSES[status])}>
      {status}
    </span>
  );
}
