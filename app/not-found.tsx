export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">404</p>
      <h1 className="mt-2 text-3xl font-bold">We can&rsquo;t find that page</h1>
      <p className="mt-3 text-slate-700">
        The link may be old, or the record may belong to someone else. Nothing was changed.
      </p>
      {/* A plain link: these pages sit in the root layout, so next/link here would load on every page (docs/decisions/072). */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
      <a href="/" className="mt-6 inline-block font-semibold text-brand-800 underline">
        Go to your home page
      </a>
    </main>
  );
}
