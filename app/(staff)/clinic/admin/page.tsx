import type { Metadata } from "next";
import Link from "next/link";
import { InvitationActions } from "@/components/accounts/invitation-actions";
import { InviteStaffForm } from "@/components/accounts/invite-staff-form";
import { ResetMfaButton } from "@/components/staff/reset-mfa-button";
import { ToggleActiveButton } from "@/components/staff/toggle-active-button";
import { DataTable } from "@/components/ui/data-table";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current-actor";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import { getOwnClinic } from "@/lib/clinics/get-clinic";
import { listStaffInvitations } from "@/lib/accounts/staff-invitations";
import { formatDateTime } from "@/lib/time/format";
import { listStaff } from "@/lib/staff/list-staff";

export const metadata: Metadata = { title: "Clinic admin" };

export default async function AdminHome() {
  const actor = await requirePageActor("/clinic/admin", "staff:manage");
  const [clinic, staff, invitations] = await Promise.all([
    getOwnClinic(actor),
    listStaff(actor),
    listStaffInvitations(actor),
  ]);
  return (
    <>
      <PageHeader
        title="Clinic admin"
        subtitle={`${clinic.name} · ${clinic.timeZone.replace("_", " ")}`}
        actions={
          <div className="flex flex-wrap gap-4">
            <Link href="/clinic/admin/mailbox" className="font-semibold text-brand-800 underline">
              Development mailbox
            </Link>
            <Link href="/clinic/admin/texts" className="font-semibold text-brand-800 underline">
              Development text inbox
            </Link>
            <Link href="/clinic/admin/text-replies" className="font-semibold text-brand-800 underline">
              Text replies
            </Link>
          </div>
        }
      />
      <div className="flex flex-col gap-4">
        <Card title="Staff accounts">
          <DataTable
            caption="Staff accounts"
            columns={["Name", "Role", "Last sign-in", "Status", { label: "Actions", hidden: true }]}
          >
            {staff.map((u) => (
              <tr key={u.id}>
                <td className="py-2 pr-4">
                  <div className="font-medium">{u.name}</div>
                  <div className="text-sm text-slate-700">{u.email}</div>
                </td>
                <td className="py-2 pr-4">{ROLE_LABEL[u.role]}</td>
                <td className="py-2 pr-4 text-sm">
                  {u.lastSignInAt ? formatDateTime(u.lastSignInAt, clinic.timeZone) : "Never"}
                </td>
                <td className="py-2 pr-4">
                  {u.active ? "Active" : <span className="font-semibold text-red-700">Disabled</span>}
                </td>
                <td className="py-2 text-right">
                  {u.id !== actor.userId && (
                    <div className="flex flex-wrap justify-end gap-2">
                      {u.mfaEnabledAt && <ResetMfaButton userId={u.id} name={u.name} />}
                      <ToggleActiveButton userId={u.id} active={u.active} name={u.name} />
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        </Card>
        <Card title="Invite staff">
          <InviteStaffForm />
        </Card>
        <Card title="Pending invitations">
          {invitations.length === 0 ? (
            <p className="text-slate-700">No invitations waiting to be accepted.</p>
          ) : (
            <DataTable
              caption="Pending invitations"
              columns={["Invited", "Role", "Sent", "Expires", { label: "Actions", hidden: true }]}
            >
              {/* Keyed by address (one pending invitation each): a resend's new row keeps its "sent" note. */}
              {invitations.map((inv) => (
                <tr key={inv.email}>
                  <td className="py-2 pr-4">
                    <div className="font-medium">{inv.name}</div>
                    <div className="text-sm text-slate-700">{inv.email}</div>
                  </td>
                  <td className="py-2 pr-4">{ROLE_LABEL[inv.role]}</td>
                  <td className="py-2 pr-4 text-sm">{formatDateTime(inv.createdAt, clinic.timeZone)}</td>
                  <td className="py-2 pr-4 text-sm">
                    {inv.expired ? (
                      <span className="font-semibold text-red-700">Expired</span>
                    ) : (
                      formatDateTime(inv.expiresAt, clinic.timeZone)
                    )}
                  </td>
                  <td className="py-2 text-right">
                    <InvitationActions invitationId={inv.id} email={inv.email} />
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>
      </div>
    </>
  );
}
