import { ForbiddenError } from "@/lib/errors";
import type { ClaimState, Role } from "@/lib/generated/prisma/enums";
import { assertMayAssign, assertMayChange, assertMayTag, claimPermissions } from "@/lib/claims/permissions";

/** Who may change a claim, for every role, authorship and state. */

const STATES: ClaimState[] = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED"];

function expected(role: Role, own: boolean, state: ClaimState) {
  if (role === "REVIEWER") return own && (state === "DRAFT" || state === "CHANGES_REQUESTED");
  return state !== "APPROVED";
}

describe("claimPermissions", () => {
  const cases = (["REVIEWER", "EDITOR", "ADMIN"] as Role[]).flatMap((role) =>
    [true, false].flatMap((own) => STATES.map((state) => [role, own ? "own" : "someone else's", state, own] as const)),
  );

  it.each(cases)("%s, %s claim, %s", (role, _label, state, own) => {
    const actor = { id: "me", role };
    const claim = { authorId: own ? "me" : "someone", state };
    const may = expected(role, own, state);
    expect(claimPermissions(actor, claim)).toEqual({
      canEdit: may,
      canDelete: may,
      canAddEvidence: may,
      canComment: true,
      // Tags and the assignee change nothing the claim publishes: editors organise approved claims too.
      canTag: role !== "REVIEWER" || may,
      canAssign: role !== "REVIEWER" ? "anyone" : may ? "self" : "nobody",
    });

    for (const change of ["edit", "delete", "evidence"] as const) {
      if (may) {
        expect(() => assertMayChange(actor, claim, change)).not.toThrow();
      } else {
        expect(() => assertMayChange(actor, claim, change)).toThrow(ForbiddenError);
      }
    }
  });

  it("explains each refusal in a sentence", () => {
    const reviewer = { id: "me", role: "REVIEWER" as const };
    const editor = { id: "me", role: "EDITOR" as const };
    const submitted = { authorId: "me", state: "SUBMITTED" as const };
    const approved = { authorId: "someone", state: "APPROVED" as const };
    expect(() => assertMayChange(reviewer, submitted, "edit")).toThrow(
      "You can only edit your own claims while they are drafts or have changes requested.",
    );
    expect(() => assertMayChange(reviewer, submitted, "delete")).toThrow(
      "You can only delete your own claims while they are drafts or have changes requested.",
    );
    expect(() => assertMayChange(reviewer, submitted, "evidence")).toThrow(
      "You can only change the evidence of your own claims while they are drafts or have changes requested.",
    );
    expect(() => assertMayChange(editor, approved, "edit")).toThrow("This claim is approved: reopen it before editing it.");
    expect(() => assertMayChange(editor, approved, "delete")).toThrow("This claim is approved: reopen it before deleting it.");
    expect(() => assertMayChange(editor, approved, "evidence")).toThrow(
      "This claim is approved: reopen it before changing its evidence.",
    );
  });
});

describe("assertMayAssign and assertMayTag", () => {
  const reviewer = { id: "me", role: "REVIEWER" as const };
  const editor = { id: "ed", role: "EDITOR" as const };
  const myDraft = { authorId: "me", state: "DRAFT" as const, assigneeId: null };

  it("lets editors assign any claim to anyone, approved ones too", () => {
    const approved = { authorId: "someone", state: "APPROVED" as const, assigneeId: "x" };
    expect(() => assertMayAssign(editor, approved, "someone-else")).not.toThrow();
    expect(() => assertMayAssign(editor, approved, null)).not.toThrow();
    expect(() => assertMayTag(editor, approved)).not.toThrow();
  });

  it("lets a reviewer take their own draft, or give it back, but not hand it to someone else", () => {
    expect(() => assertMayAssign(reviewer, myDraft, "me")).not.toThrow();
    expect(() => assertMayAssign(reviewer, { ...myDraft, assigneeId: "me" }, null)).not.toThrow();
    expect(() => assertMayAssign(reviewer, myDraft, "other")).toThrow("Reviewers can assign claims only to themselves.");
    expect(() => assertMayAssign(reviewer, { ...myDraft, assigneeId: "other" }, null)).toThrow(
      "Reviewers can assign claims only to themselves.",
    );
  });

  it("refuses a reviewer the claims they may not change", () => {
    const submitted = { authorId: "me", state: "SUBMITTED" as const, assigneeId: null };
    const othersDraft = { authorId: "someone", state: "DRAFT" as const, assigneeId: null };
    for (const claim of [submitted, othersDraft]) {
      expect(() => assertMayAssign(reviewer, claim, "me")).toThrow(
        "You can only assign your own claims while they are drafts or have changes requested.",
      );
      expect(() => assertMayTag(reviewer, claim)).toThrow("You can only tag your own claims while they are drafts or have changes requested.");
    }
    expect(() => assertMayTag(reviewer, myDraft)).not.toThrow();
  });
});
