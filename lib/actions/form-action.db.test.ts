import { z } from "zod";
import { revalidatePath } from "next/cache";
import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import { getCurrentUser, isSessionUserDisabled, type Actor } from "@/lib/auth/current-user";
import { ACCOUNT_DISABLED_MESSAGE } from "@/lib/auth/messages";
import { hashPassword } from "@/lib/auth/password";
import { errorState, formAction } from "@/lib/actions/form-action";
import { initialFormState } from "@/lib/actions/form-state";
import { ConflictError, FieldError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { DATABASE_UNAVAILABLE_MESSAGE, DatabaseUnavailableError, TRANSACTION_TOO_LONG_MESSAGE } from "@/lib/db/unavailable";
import { changeRoleAction, createUserAction, setDisabledAction } from "@/lib/users/actions";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * The form Server Action wrapper, through the real user actions and database. The signed-in
 * user (next-auth's session) is replaced by a mock; everything after it is real.
 */

jest.mock("@/lib/auth/current-user", () => ({ getCurrentUser: jest.fn(), isSessionUserDisabled: jest.fn(async () => false) }));
jest.mock("next/cache", () => ({ revalidatePath: jest.fn() }));

 
useTestDatabase();

const GENERIC = "Something went wrong and nothing was saved. Please try again.";
let counter = 0;

async function makeActor(role: Role): Promise<Actor> {
  counter += 1;
  return prisma.user.create({
    data: { name: `Actor ${counter}`, email: `actor${counter}@actions.test`, role, passwordHash: await hashPassword("actor password") },
    select: { id: true, name: true, email: true, role: true },
  });
}

function signIn(actor: Actor | null) {
  jest.mocked(getCurrentUser).mockResolvedValue(actor);
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

async function counts() {
  const [users, audit] = await Promise.all([prisma.user.count(), prisma.auditEvent.count()]);
  return { users, audit };
}

let admin: Actor;
let reviewer: Actor;
let consoleError: jest.SpyInstance;

beforeAll(async () => {
  admin = await makeActor("ADMIN");
  reviewer = await makeActor("REVIEWER");
});

beforeEach(() => {
  jest.mocked(revalidatePath).mockClear();
  consoleError = jest.spyOn(console, "error").mockImplementation(() => {});
});

afterEach(() => {
  consoleError.mockRestore();
});

const validNewUser = { name: "Fresh Person", email: "Fresh@Actions.test", role: "REVIEWER", password: "a long password" };

describe("formAction through createUserAction", () => {
  it("creates the user and returns a success message for valid input", async () => {
    signIn(admin);
    const state = await createUserAction(initialFormState, form({ ...validNewUser, $ACTION_ID_abc123: "" }));
    expect(state).toEqual({ status: "ok", message: "Fresh Person can now sign in as fresh@actions.test." });
    expect(await prisma.user.count({ where: { email: "fresh@actions.test" } })).toBe(1);
    expect(revalidatePath).toHaveBeenCalledWith("/admin/users");
  });

  it("asks a signed-out caller to sign in and writes nothing", async () => {
    signIn(null);
    const before = await counts();
    const state = await createUserAction(initialFormState, form({ ...validNewUser, email: "ghost@actions.test" }));
    expect(state).toEqual({ status: "error", message: "Your session has ended. Sign in again." });
    expect(await counts()).toEqual(before);
  });

  it("tells a user disabled while signed in that the account is disabled, and writes nothing", async () => {
    signIn(null);
    jest.mocked(isSessionUserDisabled).mockResolvedValueOnce(true);
    const before = await counts();
    const state = await createUserAction(initialFormState, form({ ...validNewUser, email: "disabled@actions.test" }));
    expect(state).toEqual({ status: "error", message: ACCOUNT_DISABLED_MESSAGE });
    expect(await counts()).toEqual(before);
  });

  it("returns field errors for bad input and writes nothing", async () => {
    signIn(admin);
    const before = await counts();
    const state = await createUserAction(initialFormState, form({ name: "", email: "nope", role: "OWNER", password: "short" }));
    expect(state).toEqual({
      status: "error",
      message: "Please correct the marked fields.",
      fieldErrors: {
        name: ["Enter a name."],
        email: ["Enter a valid email address."],
        role: ["Choose Reviewer, Editor or Admin."],
        password: ["A password needs at least 10 characters."],
      },
    });
    expect(await counts()).toEqual(before);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("returns field errors for missing fields", async () => {
    signIn(admin);
    const state = await createUserAction(initialFormState, form({}));
    expect(state.status).toBe("error");
    expect(state.fieldErrors).toEqual({
      name: ["Enter a name."],
      email: ["Enter an email address."],
      role: ["Choose Reviewer, Editor or Admin."],
      password: ["Enter a password."],
    });
  });

  it("gives a reviewer the ForbiddenError's message, no field errors, and writes nothing", async () => {
    signIn(reviewer);
    const before = await counts();
    const state = await createUserAction(initialFormState, form({ ...validNewUser, email: "sneaky@actions.test" }));
    expect(state).toEqual({ status: "error", message: "Only administrators may do that." });
    expect(await counts()).toEqual(before);
  });

  it("puts a duplicate email's FieldError on the email field", async () => {
    signIn(admin);
    const before = await counts();
    const state = await createUserAction(initialFormState, form({ ...validNewUser, email: reviewer.email.toUpperCase() }));
    expect(state).toEqual({
      status: "error",
      message: "A user with this email already exists.",
      fieldErrors: { email: ["A user with this email already exists."] },
    });
    expect(await counts()).toEqual(before);
  });

  it("turns an unexpected database error into one generic message, with no SQL or stack, and rolls back", async () => {
    // A session whose user row is gone: the audit event's foreign key fails after the user insert.
    signIn({ id: "deleted-user-id", name: "Gone", email: "gone@actions.test", role: "ADMIN" });
    const before = await counts();
    const state = await createUserAction(initialFormState, form({ ...validNewUser, email: "orphan@actions.test" }));

    expect(state).toEqual({ status: "error", message: GENERIC });
    expect(JSON.stringify(state)).not.toMatch(/prisma|foreign|constraint|AuditEvent|insert|\bat\s/i);
    expect(await counts()).toEqual(before); // the user row was rolled back with the failed audit event
    expect(consoleError).toHaveBeenCalled(); // the details go to the server log instead
  });
});

describe("formAction through other user actions", () => {
  it("shows the self-protection rules' messages", async () => {
    signIn(admin);
    expect(await changeRoleAction(initialFormState, form({ userId: admin.id, role: "REVIEWER" }))).toEqual({
      status: "error",
      message: "You cannot change your own role: ask another administrator.",
    });
    expect(await setDisabledAction(initialFormState, form({ userId: admin.id, disabled: "true" }))).toEqual({
      status: "error",
      message: "You cannot disable your own account.",
    });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "ADMIN", disabledAt: null });
  });

  it("reports an unknown user as not found", async () => {
    signIn(admin);
    expect(await changeRoleAction(initialFormState, form({ userId: "no-such-user", role: "EDITOR" }))).toEqual({
      status: "error",
      message: "That user was not found.",
    });
  });

  it("changes a role and says so", async () => {
    signIn(admin);
    const target = await makeActor("REVIEWER");
    expect(await changeRoleAction(initialFormState, form({ userId: target.id, role: "EDITOR" }))).toEqual({
      status: "ok",
      message: `${target.name} is now editor.`,
    });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ role: "EDITOR", sessionVersion: 1 });
  });
});

describe("formAction and errorState", () => {
  const schema = z.object({ n: z.string() });

  it.each([
    ["ForbiddenError", new ForbiddenError(), { status: "error", message: "You do not have permission to do that." }],
    ["NotFoundError", new NotFoundError("That thing"), { status: "error", message: "That thing was not found." }],
    ["ConflictError", new ConflictError("Someone else changed this.", { v: 2 }), { status: "error", message: "Someone else changed this.", current: { v: 2 } }],
    ["FieldError", new FieldError("title", "Too long."), { status: "error", message: "Too long.", fieldErrors: { title: ["Too long."] } }],
  ])("maps a %s to its user-facing message", async (_name, error, expected) => {
    signIn(admin);
    const action = formAction(schema, async () => {
      throw error;
    });
    expect(await action(initialFormState, form({ n: "x" }))).toEqual(expected);
  });

  it("hides the text of unexpected errors", async () => {
    signIn(admin);
    const action = formAction(schema, async () => {
      throw new Error('relation "User" violates constraint at /srv/app/lib/users/data.ts:42');
    });
    const state = await action(initialFormState, form({ n: "x" }));
    expect(state).toEqual({ status: "error", message: GENERIC });
    expect(consoleError).toHaveBeenCalledTimes(1);
  });

  it("asks the user to retry when the database is unavailable, whether the session check or the change met it", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", syscall: "connect", errno: -111 });
    const unavailable = { status: "error", message: DATABASE_UNAVAILABLE_MESSAGE };
    jest.mocked(getCurrentUser).mockRejectedValue(new DatabaseUnavailableError(refused));
    expect(await formAction(schema, async () => "done")(initialFormState, form({ n: "x" }))).toEqual(unavailable);
    signIn(admin);
    const action = formAction(schema, async () => {
      throw new Error("Connection terminated unexpectedly");
    });
    expect(await action(initialFormState, form({ n: "x" }))).toEqual(unavailable);
    expect(errorState(refused)).toEqual(unavailable);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it("says a change that ran past its transaction's time limit took too long and saved nothing, not that the database is away", async () => {
    signIn(admin);
    const before = await prisma.user.count();
    const action = formAction(schema, async () => {
      await prisma.$transaction(
        async (tx) => {
          await tx.user.create({ data: { email: `too-slow-${Date.now()}@example.org`, name: "Too Slow", passwordHash: "x", role: "REVIEWER" } });
          await new Promise((resolve) => setTimeout(resolve, 300));
          await tx.user.count();
        },
        { timeout: 100 },
      );
      return "done";
    });
    expect(await action(initialFormState, form({ n: "x" }))).toEqual({ status: "error", message: TRANSACTION_TOO_LONG_MESSAGE });
    expect(await prisma.user.count()).toBe(before);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it("lets Next's redirects and notFound() through", () => {
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/login;307;" });
    expect(() => errorState(redirect)).toThrow(redirect);
    expect(errorState({ digest: 42 })).toEqual({ status: "error", message: GENERIC });
  });
});
