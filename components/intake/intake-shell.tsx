import type { ReactNode } from "react";

/** The page frame for the public intake: no app navigation, the clinic's name, a narrow readable column. */
export function IntakeShell({ clinicName, children }: { clinicName: string | null; children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-2xl items-baseline gap-3 px-4 py-3">
          <span className="text-xl font-bold tracking-tight">Mend</span>
          {clinicName && <span className="text-sm text-brand-100">{clinicName}</span>}
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-2xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
