import { redirect } from "next/navigation";

/** Old address of the password form. */
export default function PasswordPage() {
  redirect("/account/security");
}
