import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { ROLE_HOME } from "@/lib/auth/permissions";

export default async function Home() {
  const actor = await currentActor();
  redirect(actor ? ROLE_HOME[actor.role] : "/sign-in");
}
