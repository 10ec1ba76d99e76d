import type { patientContracts } from "@/lib/patients/contracts";
import { patientRoutes } from "@/lib/patients/routes";
import { apiClient } from "@/lib/http/api-client";
import type { ResponseOf } from "@/lib/http/endpoint";

type C = typeof patientContracts;

/** The patients API for the browser, typed by lib/patients/contracts.ts; only the routes are bundled. */
export const patientsApi = apiClient<C>(patientRoutes);

export type PatientSummary = ResponseOf<C["search"]>["patients"][number];
