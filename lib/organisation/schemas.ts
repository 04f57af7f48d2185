import { z } from "zod";
import { emailSchema } from "@/lib/auth/schemas";
import { blankToUndefined, omittable, optionalWebAddress, requiredText } from "@/lib/validation/fields";

export const MAX_LOGO_BYTES = 100 * 1024;
export const LOGO_TOO_LARGE = `A logo has at most ${MAX_LOGO_BYTES / 1024} KB.`;
export const NOT_A_LOGO = "Choose an SVG or PNG image.";

const BASE_URL_MESSAGE = "Enter the address the public pages are served under, such as https://factcheck.example.org, with no ? or #.";

/** The fields of the organisation that are text, as the admin page and the environment give them. */
export const organisationTextSchema = z.object({
  name: requiredText(200, "Enter the organisation's name.", "A name has at most 200 characters."),
  url: omittable(optionalWebAddress()),
  // Public pages and exports are addressed under it: an origin, or an origin and a path, never a query.
  publicBaseUrl: omittable(
    optionalWebAddress()
      .refine((v) => v === null || !/[?#]/.test(v), { error: BASE_URL_MESSAGE })
      .transform((v) => v && v.replace(/(?<!\/)\/+$/, "")),
  ),
  contactEmail: z.preprocess(blankToUndefined, emailSchema.optional()).transform((v) => v ?? null),
  policyUrl: omittable(optionalWebAddress()),
});

/** An uploaded file; an empty file input (no file chosen) is no upload. */
const logoUpload = z.preprocess(
  (v) => ((v instanceof File && v.size === 0) || v === "" ? undefined : v),
  z
    .instanceof(File, { error: NOT_A_LOGO })
    .refine((file) => file.size <= MAX_LOGO_BYTES, { error: LOGO_TOO_LARGE })
    .optional(),
);

/** The admin page's form: the text fields, a new logo (none: keep the current one) or removing it. */
export const saveOrganisationSchema = organisationTextSchema.extend({
  logo: logoUpload,
  removeLogo: z.preprocess((v) => v ?? "", z.enum(["", "on"], { error: "Tick the box to remove the logo, or leave it." })).transform((v) => v === "on"),
});

export type OrganisationText = z.output<typeof organisationTextSchema>;
export type SaveOrganisationInput = z.output<typeof saveOrganisationSchema>;
