export function RecoveryCodeList({ codes }: { codes: string[] }) {
  return (
    <ul
      aria-label="Recovery codes"
      className="grid grid-cols-2 gap-2 rounded-lg border border-slate-300 bg-slate-50 p-4 font-mono text-lg"
    >
      {codes.map((c) => (
        <li key={c}>{c}</li>
      ))}
    </ul>
  );
}
