import { z } from "zod";
import { route } from "@/lib/http/route";
import { ANNOTATION_MEDIA_TYPE, CONTAINER_LINKS, CONTAINER_METHODS } from "@/lib/annotation-protocol/http";
import { containerOptions, createAnnotation, readContainer } from "@/lib/annotation-protocol/server";

// The W3C Annotation Protocol container of an article's claims (lib/annotation-protocol).
const params = z.object({ articleId: z.string().min(1).max(64, "That article was not found.") });
const shared = {
  user: "required",
  signedOut: "Sign in, or send a personal API token (Authorization: Bearer …) made on your account page.",
  params,
  headers: { Link: CONTAINER_LINKS, Allow: CONTAINER_METHODS, Vary: "Accept, Prefer", "Accept-Post": ANNOTATION_MEDIA_TYPE },
} as const;

export const GET = route({ ...shared, token: "read" }, ({ user, request, params }) => readContainer(user, request, params.articleId, "GET"));
export const HEAD = route({ ...shared, token: "read" }, ({ user, request, params }) => readContainer(user, request, params.articleId, "HEAD"));
export const OPTIONS = route({ ...shared, user: "none" }, async () => containerOptions());
export const POST = route({ ...shared, token: "write", body: "annotation" }, ({ user, request, params }) => createAnnotation(user, request, params.articleId));
