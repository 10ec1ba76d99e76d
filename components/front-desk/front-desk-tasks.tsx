"use client";

import { useState, useTransition } from "react";
import { completeFrontDeskTaskAction } from "@/app/(staff)/clinic/front-desk/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/time/format";

export type FrontDeskTaskView = {
  id: string;
  reason: string;
  createdAt: string;
  patient: { id: string; name: string; phone: string | null };
  appointment: { startsAt: string } | null;
};

/** Call-back tasks left by text replies: whom to call, about which visit, and why. */
export function FrontDeskTasks({ tasks, timeZone }: { tasks: FrontDeskTaskView[]; timeZone: string }) {
  if (tasks.length === 0) return <p className="text-slate-700">Nothing to call back.</p>;
  return (
    <ul className="divide-y divide-slate-100" aria-label="Call-back tasks">
      {tasks.map((t) => (
        <TaskItem key={t.id} task={t} timeZone={timeZone} />
      ))}
    </ul>
  );
}

function TaskItem({ task, timeZone }: { task: FrontDeskTaskView; timeZone: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <li className="flex flex-wrap items-start justify-between gap-2 py-2">
      <div>
        <p className="font-medium">
          Call {task.patient.name}
          {task.patient.phone ? ` at ${task.patient.phone}` : ""}
        </p>
        {task.appointment && (
          <p className="text-sm text-slate-700">Visit: {formatDateTime(task.appointment.startsAt, timeZone)}</p>
        )}
        <p className="text-sm text-slate-700">{task.reason}</p>
        {error && <Alert tone="danger">{error}</Alert>}
      </div>
      <Button
        variant="secondary"
        disabled={pending}
        aria-label={`Done: call ${task.patient.name}`}
        onClick={() =>
          startTransition(async () => {
            const r = await completeFrontDeskTaskAction({ taskId: task.id });
            setError(r.ok ? null : r.message);
          })
        }
      >
        {pending ? "Saving…" : "Done"}
      </Button>
    </li>
  );
}
