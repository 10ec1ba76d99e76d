import type { ReactNode } from "react";

/** The frame of the signed-out account pages (like sign-in): the product name, a heading, one narrow card. */
export function PublicCard({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-md">
        <p className="text-center text-3xl font-bold tracking-tight text-brand-800">Mend</p>
        <h1 className="mt-2 text-center text-xl font-semibold">{title}</h1>
        {subtitle && <p className="mt-1 text-center text-slate-700">{subtitle}</p>}
        <div className="mt-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
      </div>
    </main>
  );
}
