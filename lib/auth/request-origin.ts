import type { RequestOrigin } from "./actor";

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function read(headers: HeaderSource, name: string): string | null {
  if (typeof (headers as { get?: unknown }).get === "function")
    return (headers as { get(n: string): string | null }).get(name);
  const v = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

/** The client address as our own server saw it (first hop of x-forwarded-for, which Next's request handler sets from the socket). */
export function requestOrigin(headers: HeaderSource): RequestOrigin {
  const forwarded = read(headers, "x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || read(headers, "x-real-ip") || null;
  return { ip: ip?.slice(0, 64) ?? null, userAgent: read(headers, "user-agent")?.slice(0, 500) ?? null };
}
