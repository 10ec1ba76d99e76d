import type { exerciseContracts } from "@/lib/exercises/contracts";
import { exerciseRoutes } from "@/lib/exercises/routes";
import { apiClient } from "@/lib/http/api-client";

/** The exercise library and program API for the browser, typed by lib/exercises/contracts.ts; only routes are bundled. */
export const exercisesApi = apiClient<typeof exerciseContracts>(exerciseRoutes);
