import { z } from "zod";
import { route } from "@/lib/http/route";
import { ANNOTATION_LINK, ANNOTATION_METHODS } from "@/lib/annotation-protocol/http";
import { annotationOptions, deleteAnnotation, readAnnotation, replaceAnnotation } from "@/lib/annotation-protocol/server";

// One claim as a W3C Annotation Protocol annotation (lib/annotation-protocol).
const params = z.object({
  articleId: z.string().min(1).max(64, "That annotation was not found."),
  claimId: z.string().min(1).max(64, "That annotation was not found."),
});
const shared = {
  user: "required",
  signedOut: "Sign in, or send a personal API token (Authorization: Bearer …) made on your account page.",
  params,
  headers: { Link: ANNOTATION_LINK, Allow: ANNOTATION_METHODS, Vary: "Accept, Prefer" },
} as const;

export const GET = route({ ...shared, token: "read" }, ({ user, request, params }) => readAnnotation(user, request, params.articleId, params.claimId, "GET"));
export const HEAD = route({ ...shared, token: "read" }, ({ user, request, params }) => readAnnotation(user, request, params.articleId, params.claimId, "HEAD"));
export const OPTIONS = route({ ...shared, user: "none" }, async () => annotationOptions());
export const PUT = route({ ...shared, token: "write", body: "annotation" }, ({ user, request, params }) =>
  replaceAnnotation(user, request, params.articleId, params.claimId),
);
export const DELETE = route({ ...shared, token: "write" }, ({ user, request, params }) => deleteAnnotation(user, request, params.articleId, params.claimId));
