"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-3xl font-bold">Something went wrong on our side</h1>
      <p className="mt-3 text-slate-700">Nothing you typed is lost from saved forms. Try again in a moment.</p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 min-h-11 rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white"
      >
        Try again
      </button>
    </main>
  );
}
