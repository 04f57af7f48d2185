import { route } from "@/lib/http/route";
import { readProgress } from "@/lib/progress/data";
import { progressParams } from "@/lib/progress/schemas";

// How far the caller's own long piece of work has got, asked again and again by its progress bar.
export const GET = route({ user: "required", params: progressParams }, ({ user, params }) => readProgress(user, params.id));
