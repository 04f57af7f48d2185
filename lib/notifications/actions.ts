"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { markNotificationRead } from "@/lib/notifications/data";
import { markNotificationReadSchema } from "@/lib/notifications/schemas";

export const markNotificationReadAction = formAction(markNotificationReadSchema, async (actor, input) => {
  await markNotificationRead(actor, input);
  revalidatePath("/home");
  return "Marked as read.";
});
