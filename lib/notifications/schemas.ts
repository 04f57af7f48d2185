import { z } from "zod";
import { DigestFrequency } from "@/lib/generated/prisma/enums";
import { recordId } from "@/lib/validation/fields";

export const markNotificationReadSchema = z.object({
  notificationId: recordId("Choose a notification."),
});

export type MarkNotificationReadInput = z.output<typeof markNotificationReadSchema>;

/** "Mark all as read" names the newest notification the user was shown: one that arrived after it stays unread. */
export const markAllNotificationsReadSchema = z.object({
  upToId: recordId("Choose a notification."),
});

export type MarkAllNotificationsReadInput = z.output<typeof markAllNotificationsReadSchema>;

const CHOOSE_DIGEST = "Choose how often to get the email digest.";

/** OFF, or how often: the account page's choice. */
export const setDigestSchema = z.object({
  digest: z.enum(["OFF", ...Object.values(DigestFrequency)], { error: CHOOSE_DIGEST }).transform((v) => (v === "OFF" ? null : v)),
});

export type SetDigestInput = z.output<typeof setDigestSchema>;
