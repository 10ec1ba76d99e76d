import Link from "next/link";
import type { ReactNode } from "react";
import type { Actor } from "@/lib/auth/actor";
import { ROLE_LABEL, type Role } from "@/lib/auth/permissions";
import { SignOutButton } from "@/components/auth/sign-out-button";

type NavItem = { href: string; label: string };

const NAV: Record<Role, NavItem[]> = {
  patient: [
    { href: "/portal", label: "My care" },
    { href: "/portal/appointments", label: "Appointments" },
    { href: "/portal/exercises", label: "Exercises" },
    { href: "/portal/messages", label: "Messages" },
    { href: "/account/security", label: "Account" },
  ],
  therapist: [
    { href: "/clinic/therapist", label: "Workspace" },
    { href: "/clinic/calendar", label: "Calendar" },
    { href: "/clinic/front-desk/waitlist", label: "Waitlist" },
    { href: "/clinic/front-desk/follow-up", label: "Follow-up" },
    { href: "/clinic/patients", label: "Patients" },
    { href: "/clinic/exercises", label: "Exercises" },
    { href: "/clinic/outcomes", label: "Outcomes" },
    { href: "/account/security", label: "Account" },
  ],
  front_desk: [
    { href: "/clinic/front-desk", label: "Front desk" },
    { href: "/clinic/calendar", label: "Calendar" },
    { href: "/clinic/front-desk/waitlist", label: "Waitlist" },
    { href: "/clinic/front-desk/follow-up", label: "Follow-up" },
    { href: "/clinic/patients", label: "Patients" },
    { href: "/account/security", label: "Account" },
  ],
  admin: [
    { href: "/clinic/admin", label: "Clinic admin" },
    { href: "/clinic/calendar", label: "Calendar" },
    { href: "/clinic/admin/booking", label: "Booking setup" },
    { href: "/clinic/admin/attendance", label: "Attendance" },
    { href: "/clinic/front-desk/waitlist", label: "Waitlist" },
    { href: "/clinic/front-desk/follow-up", label: "Follow-up" },
    { href: "/clinic/admin/settings", label: "Clinic settings" },
    { href: "/clinic/admin/monitoring", label: "Monitoring" },
    { href: "/clinic/patients", label: "Patients" },
    { href: "/clinic/exercises", label: "Exercises" },
    { href: "/clinic/outcomes", label: "Outcomes" },
    { href: "/clinic/admin/mailbox", label: "Mailbox" },
    { href: "/clinic/admin/texts", label: "Texts" },
    { href: "/clinic/admin/audit", label: "Audit log" },
    { href: "/account/security", label: "Account" },
  ],
};

export function AppShell({ actor, clinicName, children }: { actor: Actor; clinicName: string; children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="no-print bg-brand-800 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2">
          <div className="flex items-baseline gap-3">
            <Link href="/" className="text-xl font-bold tracking-tight">
              Mend
            </Link>
            <span className="text-sm text-brand-100">{clinicName}</span>
          </div>
          <div className="flex items-center gap-2 text-sm">
            <span>
              {actor.name} <span className="text-brand-100">· {ROLE_LABEL[actor.role]}</span>
            </span>
            <SignOutButton />
          </div>
        </div>
        <nav aria-label="Main" className="mx-auto max-w-6xl px-2">
          <ul className="flex flex-wrap gap-1">
            {NAV[actor.role].map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className="inline-block min-h-11 rounded-t-lg px-3 py-3 font-medium text-white hover:bg-white/10"
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
