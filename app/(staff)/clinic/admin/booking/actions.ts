"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { saveAppointmentType } from "@/lib/booking/appointment-types";
import { updateBookingSettings } from "@/lib/booking/booking-settings";
import { updateReminderSchedule } from "@/lib/booking/reminder-schedule";
import { updateEpisodeSettings } from "@/lib/episodes/episode-settings";
import { addScheduleOverride, removeScheduleOverride, setWeeklyHours } from "@/lib/booking/therapist-schedules";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { updateWaitlistSettings } from "@/lib/waitlist/waitlist-settings";

const PATH = "/clinic/admin/booking";

export async function saveBookingSettingsAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await updateBookingSettings(await requireActor(), input);
    revalidatePath(PATH);
    return undefined;
  });
}

export async function saveReminderScheduleAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await updateReminderSchedule(await requireActor(), input);
    revalidatePath(PATH);
    return undefined;
  });
}

export async function saveWaitlistSettingsAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await updateWaitlistSettings(await requireActor(), input);
    revalidatePath(PATH);
    return undefined;
  });
}

export async function saveEpisodeSettingsAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await updateEpisodeSettings(await requireActor(), input);
    revalidatePath(PATH);
    return undefined;
  });
}

export async function saveAppointmentTypeAction(input: unknown): Promise<ActionResult<{ name: string }>> {
  return runAction(async () => {
    const saved = await saveAppointmentType(await requireActor(), input);
    revalidatePath(PATH);
    return { name: saved.name };
  });
}

export async function setWeeklyHoursAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await setWeeklyHours(await requireActor(), input);
    revalidatePath(PATH);
    return undefined;
  });
}

export async function addOverrideAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await addScheduleOverride(await requireActor(), input);
    revalidatePath(PATH);
    return undefined;
  });
}

export async function removeOverrideAction(id: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await removeScheduleOverride(await requireActor(), id);
    revalidatePath(PATH);
    return undefined;
  });
}
