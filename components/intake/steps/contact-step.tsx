"use client";

import { TextField } from "@/components/ui/field";
import { bindStep, type StepProps } from "../bind-step";

export function ContactStep(props: StepProps<"contact">) {
  const { input } = bindStep(props);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <p className="sm:col-span-2">Please check the details we have and correct anything that is wrong.</p>
      <TextField label="First name" autoComplete="given-name" {...input("firstName")} />
      <TextField label="Last name" autoComplete="family-name" {...input("lastName")} />
      <TextField label="Preferred name (optional)" autoComplete="nickname" {...input("preferredName")} />
      <TextField label="Date of birth" type="date" autoComplete="bday" {...input("dateOfBirth")} />
      <TextField label="Mobile phone" type="tel" autoComplete="tel" {...input("phone")} />
      <TextField label="Email" type="email" autoComplete="email" {...input("email")} />
      <div className="sm:col-span-2">
        <TextField label="Street address (optional)" autoComplete="street-address" {...input("addressLine")} />
      </div>
      <TextField label="Town or city (optional)" autoComplete="address-level2" {...input("city")} />
      <TextField label="ZIP code (optional)" autoComplete="postal-code" {...input("postalCode")} />
      <TextField label="Emergency contact name (optional)" autoComplete="off" {...input("emergencyContactName")} />
      <TextField
        label="Emergency contact phone (optional)"
        type="tel"
        autoComplete="off"
        {...input("emergencyContactPhone")}
      />
    </div>
  );
}
