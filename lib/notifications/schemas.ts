import { z } from "zod";
import { recordId } from "@/lib/validation/fields";

export const markNotificationReadSchema = z.object({
  notificationId: recordId("Choose a notification."),
});

export type MarkNotificationReadInput = z.output<typeof markNotificationReadSchema>;
