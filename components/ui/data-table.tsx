import { useId, type ReactNode } from "react";

/** A column header; `hidden` keeps it for screen readers only (e.g. a column of buttons). */
export type Column = string | { label: string; hidden: true };

/**
 * The one table shape staff pages use: scrolls sideways on a phone, a caption
 * (visually hidden unless `captionVisible`), column headers with scope, and
 * divided rows. Callers render the rows.
 */
export function DataTable({
  caption,
  captionVisible = false,
  columns,
  children,
  testId,
  scrollsOnPhone = false,
}: {
  caption: ReactNode;
  captionVisible?: boolean;
  columns: Column[];
  children: ReactNode;
  testId?: string;
  /** A wide table that scrolls sideways on a phone: its box takes keyboard focus (arrow keys scroll it) and is named by the caption. */
  scrollsOnPhone?: boolean;
}) {
  const captionId = useId();
  return (
    <div
      className="overflow-x-auto"
      data-testid={testId}
      {...(scrollsOnPhone ? { tabIndex: 0, role: "region", "aria-labelledby": captionId } : {})}
    >
      <table className="w-full text-left">
        <caption id={captionId} className={captionVisible ? "mb-2 text-left text-sm text-slate-700" : "sr-only"}>
          {caption}
        </caption>
        <thead className="border-b border-slate-200 text-sm text-slate-700">
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={i === columns.length - 1 ? "py-2" : "py-2 pr-4"}>
                {typeof c === "string" ? c : <span className="sr-only">{c.label}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
