import { z } from "zod";
import { recordId, requiredText } from "@/lib/validation/fields";

export const API_TOKEN_SCOPES = ["READ", "READ_WRITE"] as const;

export const createApiTokenSchema = z.object({
  name: requiredText(100, "Name the token after the tool that will use it.", "A token's name has at most 100 characters."),
  scope: z.enum(API_TOKEN_SCOPES, { error: "Choose read only, or read and write." }),
});

export const revokeApiTokenSchema = z.object({ tokenId: recordId("Choose a token.") });
