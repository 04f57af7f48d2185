"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/form-action";
import { markAllNotificationsRead, markNotificationRead, notificationTarget } from "@/lib/notifications/data";
import { setDigest } from "@/lib/notifications/digest-settings";
import { markAllNotificationsReadSchema, markNotificationReadSchema, setDigestSchema } from "@/lib/notifications/schemas";

// The header's unread count is in the workbench layout: reading a notification renders it anew.
const revalidateUnreadCount = () => revalidatePath("/", "layout");

export const markNotificationReadAction = formAction(markNotificationReadSchema, async (actor, input) => {
  await markNotificationRead(actor, input);
  revalidateUnreadCount();
  return "Marked as read.";
});

/** Opens a notification: marks it read and goes to what it is about (a place the server picks, never one sent by the form). */
export const openNotificationAction = formAction(markNotificationReadSchema, async (actor, input) => {
  const target = await notificationTarget(actor, input.notificationId);
  await markNotificationRead(actor, input);
  revalidateUnreadCount();
  return redirect(target);
});

export const markAllNotificationsReadAction = formAction(markAllNotificationsReadSchema, async (actor, input) => {
  const count = await markAllNotificationsRead(actor, input);
  revalidateUnreadCount();
  return count === 0 ? "Nothing was unread." : `Marked ${count} as read.`;
});

export const setDigestAction = formAction(setDigestSchema, async (actor, input) => {
  await setDigest(actor, input);
  revalidatePath("/account");
  return input.digest ? `You will get a ${input.digest === "HOURLY" ? "hourly" : "daily"} digest.` : "Email digest turned off.";
});
