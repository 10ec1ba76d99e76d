import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { linkProblemPage, type AccountTokenPurpose, type LinkProblem } from "@/lib/accounts/token-rules";
import { PublicCard } from "./public-card";

/** A used, expired, revoked or unknown emailed link: what happened, and what to do next. */
export function LinkProblemPage({
  purpose,
  problem,
  clinicName,
}: {
  purpose: AccountTokenPurpose | null;
  problem: LinkProblem;
  clinicName: string | null;
}) {
  const page = linkProblemPage(purpose, problem);
  return (
    <PublicCard title={page.title} subtitle={clinicName ?? undefined}>
      <Alert tone={problem === "used" ? "info" : "warning"}>
        <p>{page.text}</p>
      </Alert>
      {page.next && (
        <p className="mt-4">
          <a href={page.next.href} className={buttonClass("primary", "w-full")}>
            {page.next.label}
          </a>
        </p>
      )}
    </PublicCard>
  );
}
