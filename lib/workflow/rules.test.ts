import type { ClaimState, Role } from "@/lib/generated/prisma/enums";
import {
  isCorrection,
  missingForSubmit,
  TRANSITIONS,
  WORKFLOW_ACTIONS,
  workflowOptions,
  workflowRefusal,
  type WorkflowAction,
  type WorkflowActor,
  type WorkflowClaim,
} from "@/lib/workflow/rules";

/**
 * The editorial workflow's pure rules: which transitions exist, what submitting needs, who
 * may take which step, the four-eyes rule and the notes that requesting changes and
 * reopening need.
 */

const STATES: ClaimState[] = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED"];

// The workflow of DESIGN.md, written out independently of TRANSITIONS: [from, action, to].
const LEGAL: Array<[ClaimState, WorkflowAction, ClaimState]> = [
  ["DRAFT", "submit", "SUBMITTED"],
  ["CHANGES_REQUESTED", "submit", "SUBMITTED"],
  ["SUBMITTED", "approve", "APPROVED"],
  ["SUBMITTED", "request_changes", "CHANGES_REQUESTED"],
  ["APPROVED", "reopen", "SUBMITTED"],
];

// How a refusal names each state.
const STATE_WORDS: Record<ClaimState, RegExp> = {
  DRAFT: /\bdrafts?\b/i,
  SUBMITTED: /\bsubmitted\b/i,
  CHANGES_REQUESTED: /\bchanges requested\b/i,
  APPROVED: /\bapproved\b/i,
};

const author: WorkflowActor = { id: "author", role: "REVIEWER" };
const otherReviewer: WorkflowActor = { id: "other", role: "REVIEWER" };
const editor: WorkflowActor = { id: "editor", role: "EDITOR" };
const proposer: WorkflowActor = { id: "proposer", role: "EDITOR" };
const admin: WorkflowActor = { id: "admin", role: "ADMIN" };

/** A claim ready for every step: verdict, rationale and evidence; its verdict proposed by `proposer`. */
function claim(state: ClaimState, overrides: Partial<WorkflowClaim> = {}): WorkflowClaim {
  return {
    state,
    authorId: author.id,
    verdictProposedById: proposer.id,
    contentChangedById: proposer.id,
    verdict: "MOSTLY_FALSE",
    rationale: "The study expects 600 jobs, not 2,000.",
    evidenceCount: 1,
    articlePublic: false,
    ...overrides,
  };
}

const NOTE = "Please cite the study's own figures.";

function isLegal(state: ClaimState, action: WorkflowAction) {
  return LEGAL.some(([from, a]) => from === state && a === action);
}

describe("TRANSITIONS", () => {
  it("are exactly the transitions of the design", () => {
    const table = WORKFLOW_ACTIONS.flatMap((action) => TRANSITIONS[action].from.map((from) => [from, action, TRANSITIONS[action].to]));
    expect(table.sort()).toEqual([...LEGAL].sort());
    expect([...WORKFLOW_ACTIONS].sort()).toEqual(["approve", "reopen", "request_changes", "submit"]);
  });
});

describe("workflowRefusal: every state × action", () => {
  const pairs = STATES.flatMap((state) => WORKFLOW_ACTIONS.map((action) => [state, action] as const));

  it("covers all 16 pairs, 5 of them legal", () => {
    expect(pairs).toHaveLength(16);
    expect(pairs.filter(([state, action]) => isLegal(state, action))).toHaveLength(5);
  });

  // An admin may take every step (role rules are tested below), and is not the proposer.
  it.each(pairs)("%s × %s", (state, action) => {
    const refusal = workflowRefusal(admin, claim(state), action, NOTE);
    if (isLegal(state, action)) {
      expect(refusal).toBeNull();
    } else {
      expect(refusal).not.toBeNull();
      expect(refusal?.field).toBeUndefined();
      // Names the claim's state and the states the step is open from.
      expect(refusal?.message).toMatch(/^This claim /);
      expect(refusal?.message).toMatch(STATE_WORDS[state]);
      for (const from of TRANSITIONS[action].from) expect(refusal?.message).toMatch(STATE_WORDS[from]);
    }
  });

  it("says in words why a step is not open in the claim's state", () => {
    expect(workflowRefusal(admin, claim("DRAFT"), "approve")?.message).toBe(
      "This claim is a draft; only submitted claims can be approved.",
    );
    expect(workflowRefusal(admin, claim("APPROVED"), "submit")?.message).toBe(
      "This claim is approved; only drafts or claims with changes requested can be submitted.",
    );
    expect(workflowRefusal(admin, claim("CHANGES_REQUESTED"), "reopen", NOTE)?.message).toBe(
      "This claim has changes requested; only approved claims can be reopened.",
    );
    expect(workflowRefusal(admin, claim("APPROVED"), "request_changes", NOTE)?.message).toBe(
      "This claim is approved; only submitted claims can be sent back with changes requested.",
    );
    expect(workflowRefusal(admin, claim("SUBMITTED"), "submit")?.message).toBe(
      "This claim is submitted; only drafts or claims with changes requested can be submitted.",
    );
  });

  it("refuses a step in the wrong state before looking at anything else", () => {
    // Wrong state, wrong role, nothing to submit, no note, own verdict: the state is what is reported.
    const bare = claim("APPROVED", { verdict: null, rationale: null, evidenceCount: 0, verdictProposedById: otherReviewer.id });
    expect(workflowRefusal(otherReviewer, bare, "submit")?.message).toMatch(/^This claim is approved;/);
    expect(workflowRefusal(otherReviewer, bare, "request_changes")?.message).toMatch(/^This claim is approved;/);
    expect(workflowRefusal(otherReviewer, claim("DRAFT", { verdictProposedById: otherReviewer.id }), "approve")?.message).toMatch(
      /^This claim is a draft;/,
    );
  });
});

describe("missingForSubmit and submitting", () => {
  const cases: Array<[string, Partial<WorkflowClaim>, string[], string]> = [
    ["nothing missing", {}, [], ""],
    ["no verdict", { verdict: null }, ["a verdict"], "Before submitting, add a verdict."],
    ["no rationale", { rationale: null }, ["a rationale"], "Before submitting, add a rationale."],
    ["a blank rationale", { rationale: "  \n\t " }, ["a rationale"], "Before submitting, add a rationale."],
    ["no evidence", { evidenceCount: 0 }, ["at least one evidence item"], "Before submitting, add at least one evidence item."],
    [
      "no verdict and no evidence",
      { verdict: null, evidenceCount: 0 },
      ["a verdict", "at least one evidence item"],
      "Before submitting, add a verdict and at least one evidence item.",
    ],
    [
      "nothing at all",
      { verdict: null, rationale: "", evidenceCount: 0 },
      ["a verdict", "a rationale", "at least one evidence item"],
      "Before submitting, add a verdict, a rationale and at least one evidence item.",
    ],
  ];

  it.each(cases)("%s", (_label, overrides, missing, message) => {
    for (const state of ["DRAFT", "CHANGES_REQUESTED"] as const) {
      const c = claim(state, overrides);
      expect(missingForSubmit(c)).toEqual(missing);
      const refusal = workflowRefusal(author, c, "submit");
      if (missing.length === 0) {
        expect(refusal).toBeNull();
      } else {
        expect(refusal).toEqual({ message });
      }
    }
  });

  it("does not need a note to submit, and ignores one", () => {
    expect(workflowRefusal(author, claim("DRAFT"), "submit", null)).toBeNull();
    expect(workflowRefusal(author, claim("DRAFT"), "submit", "Ready for review.")).toBeNull();
  });
});

describe("role rules", () => {
  const actors: Array<[string, WorkflowActor]> = [
    ["the author (reviewer)", author],
    ["another reviewer", otherReviewer],
    ["an editor", editor],
    ["the editor who proposed the verdict", proposer],
    ["an admin", admin],
  ];

  // Who may take each legal step (the note is given; four-eyes applies to approve).
  const MAY: Record<WorkflowAction, string[]> = {
    submit: ["the author (reviewer)", "an editor", "the editor who proposed the verdict", "an admin"],
    approve: ["an editor", "an admin"],
    request_changes: ["an editor", "the editor who proposed the verdict", "an admin"],
    reopen: ["an editor", "the editor who proposed the verdict", "an admin"],
  };

  const cases = LEGAL.flatMap(([state, action]) => actors.map(([name, actor]) => [state, action, name, actor] as const));

  it.each(cases)("%s × %s by %s", (state, action, name, actor) => {
    const refusal = workflowRefusal(actor, claim(state), action, NOTE);
    if (MAY[action].includes(name)) {
      expect(refusal).toBeNull();
    } else {
      expect(refusal?.message).toEqual(expect.any(String));
      expect(refusal?.field).toBeUndefined();
    }
  });

  it("tells a reviewer who may take the step", () => {
    expect(workflowRefusal(otherReviewer, claim("DRAFT"), "submit")?.message).toBe(
      "Only the claim's author or an editor can submit it.",
    );
    for (const [state, action] of [
      ["SUBMITTED", "approve"],
      ["SUBMITTED", "request_changes"],
      ["APPROVED", "reopen"],
    ] as const) {
      // Even the claim's own author.
      expect(workflowRefusal(author, claim(state), action, NOTE)?.message).toBe(
        "Only editors can approve, request changes or reopen claims.",
      );
    }
  });
});

describe("the four-eyes rule", () => {
  const FOUR_EYES = "You proposed this verdict, so another editor must approve it (four-eyes rule).";

  it("stops the editor who proposed the current verdict from approving it", () => {
    expect(workflowRefusal(proposer, claim("SUBMITTED"), "approve")).toEqual({ message: FOUR_EYES });
  });

  it("stops an admin who proposed the verdict too", () => {
    expect(workflowRefusal(admin, claim("SUBMITTED", { verdictProposedById: admin.id }), "approve")).toEqual({ message: FOUR_EYES });
  });

  it("lets any other editor approve, including one who authored the claim but not its current verdict", () => {
    expect(workflowRefusal(editor, claim("SUBMITTED"), "approve")).toBeNull();
    const authoredByEditor = claim("SUBMITTED", { authorId: editor.id, verdictProposedById: proposer.id });
    expect(workflowRefusal(editor, authoredByEditor, "approve")).toBeNull();
  });

  it("stops an editor who authored the claim and proposed its verdict", () => {
    const own = claim("SUBMITTED", { authorId: editor.id, verdictProposedById: editor.id });
    expect(workflowRefusal(editor, own, "approve")).toEqual({ message: FOUR_EYES });
  });

  it("does not stop the proposer from requesting changes or reopening", () => {
    expect(workflowRefusal(proposer, claim("SUBMITTED"), "request_changes", NOTE)).toBeNull();
    expect(workflowRefusal(proposer, claim("APPROVED"), "reopen", NOTE)).toBeNull();
  });
});

describe("approving needs what submitting needed", () => {
  // Editors may edit a submitted claim, so it can lose its verdict, rationale or evidence after submission.
  it.each([
    ["no verdict (an editor made it Unrated)", { verdict: null, verdictProposedById: null }, "Before approving, add a verdict."],
    ["no rationale", { rationale: "" }, "Before approving, add a rationale."],
    ["no evidence", { evidenceCount: 0 }, "Before approving, add at least one evidence item."],
    [
      "nothing",
      { verdict: null, verdictProposedById: null, rationale: null, evidenceCount: 0 },
      "Before approving, add a verdict, a rationale and at least one evidence item.",
    ],
  ] as const)("refuses to approve a submitted claim with %s", (_label, overrides, message) => {
    for (const actor of [editor, admin]) {
      expect(workflowRefusal(actor, claim("SUBMITTED", overrides), "approve")).toEqual({ message });
    }
    expect(workflowOptions(editor, claim("SUBMITTED", overrides))).toEqual([
      { action: "approve", blockedBy: message },
      { action: "request_changes", blockedBy: null },
    ]);
  });

  it("still lets the claim be sent back, or reopened, whatever it lacks", () => {
    const bare = { verdict: null, verdictProposedById: null, rationale: null, evidenceCount: 0 };
    expect(workflowRefusal(editor, claim("SUBMITTED", bare), "request_changes", NOTE)).toBeNull();
    expect(workflowRefusal(editor, claim("APPROVED", bare), "reopen", NOTE)).toBeNull();
  });

  it("reports the four-eyes rule first to the proposer of an incomplete claim", () => {
    expect(workflowRefusal(proposer, claim("SUBMITTED", { evidenceCount: 0 }), "approve")?.message).toMatch(/four-eyes/);
  });
});

describe("notes", () => {
  it.each([
    ["request_changes", "SUBMITTED", "Say what should change."],
    ["reopen", "APPROVED", "Say why the claim is reopened."],
  ] as const)("%s needs a note, put on the note field", (action, state, message) => {
    for (const note of [undefined, null, "", "   \n "]) {
      expect(workflowRefusal(editor, claim(state), action, note)).toEqual({ field: "note", message });
    }
    expect(workflowRefusal(editor, claim(state), action, "Cite the source.")).toBeNull();
  });

  it("asks for the note only of someone who may take the step", () => {
    expect(workflowRefusal(author, claim("SUBMITTED"), "request_changes", "")?.field).toBeUndefined();
    expect(workflowRefusal(editor, claim("DRAFT"), "reopen", "")?.field).toBeUndefined();
  });

  it("needs no note to approve", () => {
    expect(workflowRefusal(editor, claim("SUBMITTED"), "approve", null)).toBeNull();
  });
});

describe("workflowOptions", () => {
  const roles: Array<[string, WorkflowActor]> = [
    ["author", author],
    ["otherReviewer", otherReviewer],
    ["editor", editor],
    ["proposer", proposer],
    ["admin", admin],
  ];

  // The buttons each viewer gets in each state: [action, blocked by] (null: enabled).
  const expected: Record<ClaimState, Record<string, Array<[WorkflowAction, string | null]>>> = {
    DRAFT: {
      author: [["submit", null]],
      otherReviewer: [],
      editor: [["submit", null]],
      proposer: [["submit", null]],
      admin: [["submit", null]],
    },
    CHANGES_REQUESTED: {
      author: [["submit", null]],
      otherReviewer: [],
      editor: [["submit", null]],
      proposer: [["submit", null]],
      admin: [["submit", null]],
    },
    SUBMITTED: {
      author: [],
      otherReviewer: [],
      editor: [
        ["approve", null],
        ["request_changes", null],
      ],
      proposer: [
        ["approve", "You proposed this verdict, so another editor must approve it (four-eyes rule)."],
        ["request_changes", null],
      ],
      admin: [
        ["approve", null],
        ["request_changes", null],
      ],
    },
    APPROVED: {
      author: [],
      otherReviewer: [],
      editor: [["reopen", null]],
      proposer: [["reopen", null]],
      admin: [["reopen", null]],
    },
  };

  const cases = STATES.flatMap((state) => roles.map(([name, actor]) => [state, name, actor] as const));

  it.each(cases)("%s claim, viewed by %s", (state, name, actor) => {
    const options = workflowOptions(actor, claim(state)).map(({ action, blockedBy }) => [action, blockedBy]);
    expect(options).toEqual(expected[state][name]);
  });

  it("shows submit as blocked, naming what is missing", () => {
    expect(workflowOptions(author, claim("DRAFT", { rationale: null, evidenceCount: 0 }))).toEqual([
      { action: "submit", blockedBy: "Before submitting, add a rationale and at least one evidence item." },
    ]);
  });

  it("agrees with workflowRefusal for every state, role and action", () => {
    const reviewerRoles: Role[] = ["REVIEWER", "EDITOR", "ADMIN"];
    for (const state of STATES) {
      for (const role of reviewerRoles) {
        for (const own of [true, false]) {
          const actor = { id: own ? author.id : "someone", role };
          const c = claim(state, { verdictProposedById: own ? author.id : proposer.id });
          const open = workflowOptions(actor, c);
          for (const action of WORKFLOW_ACTIONS) {
            const option = open.find((o) => o.action === action);
            const refusal = workflowRefusal(actor, c, action, NOTE);
            // Allowed ⇔ offered and not blocked.
            expect(refusal === null).toBe(option !== undefined && option.blockedBy === null);
            if (option?.blockedBy) expect(refusal?.message).toBe(option.blockedBy);
          }
        }
      }
    }
  });
});

describe("reopening a published verdict is a public correction", () => {
  it("needs the public correction note besides the reviewer's note, only when the article is published", () => {
    const published = claim("APPROVED", { articlePublic: true });
    expect(isCorrection(published, "reopen")).toBe(true);
    expect(workflowRefusal(editor, published, "reopen", "Recheck the figure.")).toEqual({
      field: "correctionNote",
      message: expect.stringContaining("write the correction note readers will see"),
    });
    expect(workflowRefusal(editor, published, "reopen", "Recheck the figure.", "   ")).toMatchObject({ field: "correctionNote" });
    expect(workflowRefusal(editor, published, "reopen", "Recheck the figure.", "The figure was misread.")).toBeNull();
    // The reviewer's note is asked for first.
    expect(workflowRefusal(editor, published, "reopen", null, "The figure was misread.")).toMatchObject({ field: "note" });
    expect(isCorrection(claim("APPROVED"), "reopen")).toBe(false);
    expect(workflowRefusal(editor, claim("APPROVED"), "reopen", "Recheck the figure.")).toBeNull();
    expect(isCorrection(claim("SUBMITTED", { articlePublic: true }), "approve")).toBe(false);
  });
});
