export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-red-700">403</p>
      <h1 className="mt-2 text-3xl font-bold">This page is not part of your role</h1>
      <p className="mt-3 text-slate-700">
        You are signed in, but your account cannot open this page. If you think it should, ask your clinic&rsquo;s
        admin.
      </p>
      {/* A plain link: these pages sit in the root layout, so next/link here would load on every page (docs/decisions/072). */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
      <a href="/" className="mt-6 inline-block font-semibold text-brand-800 underline">
        Go to your home page
      </a>
    </main>
  );
}
