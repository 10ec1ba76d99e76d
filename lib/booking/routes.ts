import type { Route } from "@/lib/http/endpoint";

/** Where the booking API lives; the schemas are in ./contracts.ts (kept apart so pages call these without zod). */
export const bookingRoutes = {
  slots: { method: "GET", path: "/api/booking/slots" },
  book: { method: "POST", path: "/api/booking/appointments" },
  mine: { method: "GET", path: "/api/booking/appointments/mine" },
  move: { method: "PATCH", path: "/api/booking/appointments/{appointmentId}" },
  cancel: { method: "POST", path: "/api/booking/appointments/{appointmentId}/cancel" },
  status: { method: "POST", path: "/api/booking/appointments/{appointmentId}/status" },
  bookSeries: { method: "POST", path: "/api/booking/series" },
  calendar: { method: "GET", path: "/api/booking/calendar" },
  appointmentTypes: { method: "GET", path: "/api/booking/appointment-types" },
  feedStatus: { method: "GET", path: "/api/booking/calendar-feed" },
  createFeed: { method: "POST", path: "/api/booking/calendar-feed" },
  revokeFeed: { method: "DELETE", path: "/api/booking/calendar-feed" },
  episodeStanding: { method: "GET", path: "/api/patients/{patientId}/episode-standing" },
} as const satisfies Record<string, Route>;
