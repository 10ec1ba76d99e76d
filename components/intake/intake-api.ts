import type { intakeContracts } from "@/lib/intake/contracts";
import { intakeRoutes } from "@/lib/intake/routes";
import { apiClient } from "@/lib/http/api-client";

/** The intake endpoints the browser calls, typed by lib/intake/contracts.ts; only the routes are bundled. */
export const intakeApi = apiClient<typeof intakeContracts>(intakeRoutes);
