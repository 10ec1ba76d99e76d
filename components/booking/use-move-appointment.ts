"use client";

import { useMutation, useMutationState, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { confirmMove, showMove, undoMove } from "@/lib/booking/calendar-move-rules";
import { bookingApi, type CalendarAppointment, type CalendarData } from "./booking-api";

/** Every calendar in the cache (each day or week the desk looked at). */
const CALENDARS = { queryKey: ["calendar"] };
const MOVE_KEY = ["calendar-move"];

export type MoveRequest = {
  /** The appointment as the calendar showed it: its version is the one the move is made from. */
  appointment: CalendarAppointment;
  therapistId: string;
  start: number;
  overAuthorizationReason?: string;
};

type Outcome = {
  onSuccess?: (request: MoveRequest) => void;
  onError?: (error: Error, request: MoveRequest) => void;
};

function updateCalendars(client: QueryClient, update: (data: CalendarData) => CalendarData) {
  client.setQueriesData<CalendarData>(CALENDARS, (data) => data && update(data));
}

/**
 * Moves an appointment optimistically (docs/decisions/104): the calendar
 * draws it at its new place before the server answers, puts it back if the
 * server refuses (a time just taken, a stale version), and refetches once the
 * last of the moves in flight has settled. Used by the drop on the grid and by
 * the keyboard "Move…" dialog alike.
 *
 * The outcome callbacks are options, not `mutate`'s: TanStack Query calls
 * `mutate`'s own callbacks only for the latest call, and two quick drops must
 * each get their message.
 */
export function useMoveAppointment({ onSuccess, onError }: Outcome = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: MOVE_KEY,
    mutationFn: (v: MoveRequest) =>
      bookingApi.move({
        params: { appointmentId: v.appointment.id },
        body: {
          expectedVersion: v.appointment.version,
          startsAt: new Date(v.start).toISOString(),
          therapistId: v.therapistId,
          ...(v.overAuthorizationReason && { overAuthorizationReason: v.overAuthorizationReason }),
        },
      }),
    onMutate: async (v) => {
      // A refetch already on its way would land after this and draw the old place again.
      await queryClient.cancelQueries(CALENDARS);
      updateCalendars(queryClient, (data) => showMove(data, v.appointment, v.therapistId, v.start));
    },
    onSuccess: (answer, v) => {
      updateCalendars(queryClient, (data) => confirmMove(data, answer.appointment));
      onSuccess?.(v);
    },
    onError: (error, v) => {
      updateCalendars(queryClient, (data) => undoMove(data, v.appointment));
      onError?.(error, v);
    },
    // Refetch when the last move settles (this one still counts as pending here): an earlier
    // one's refetch would bring the server's old place for a visit still being moved, and the
    // block would jump back and forth. Not awaited, so the pending look ends with the answer.
    onSettled: () => {
      if (queryClient.isMutating({ mutationKey: MOVE_KEY }) === 1) void queryClient.invalidateQueries(CALENDARS);
    },
  });
}

/** Ids of the appointments whose move the server has not answered yet (drawn with a pending look). */
export function usePendingMoves(): string[] {
  return useMutationState({
    filters: { mutationKey: MOVE_KEY, status: "pending" },
    select: (m) => (m.state.variables as MoveRequest).appointment.id,
  });
}
