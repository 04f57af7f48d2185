"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { saveOrganisation } from "@/lib/organisation/data";
import { saveOrganisationSchema } from "@/lib/organisation/schemas";

export const saveOrganisationAction = formAction(saveOrganisationSchema, async (actor, input) => {
  await saveOrganisation(actor, input);
  revalidatePath("/admin/organisation");
  return "The organisation is saved. Public pages and exports name it from now on.";
});
