import { VERITY_CATALOGUE } from "@/lib/ratings/test-catalogue";
import { summariseEvent, textChanges } from "@/lib/claims/history";

/** One readable sentence per audit event of a claim. */

describe("summariseEvent", () => {
  it("describes marking a claim, with the verdict when one was given", () => {
    expect(summariseEvent({ action: "claim.create", before: null, after: { restatement: "X", verdict: null } }, VERITY_CATALOGUE)).toBe(
      "Marked the claim",
    );
    expect(summariseEvent({ action: "claim.create", before: null, after: { restatement: "X", verdict: "MOSTLY_TRUE" } }, VERITY_CATALOGUE)).toBe(
      "Marked the claim with the verdict Mostly true",
    );
  });

  it.each([
    [{ verdict: null, version: 1 }, { verdict: "MOSTLY_FALSE", version: 2 }, "Verdict: Unrated → Mostly false"],
    [{ verdict: "TRUE", version: 4 }, { verdict: null, version: 5 }, "Verdict: True → Unrated"],
    [{ verdict: "FALSE" }, { verdict: "MISLEADING" }, "Verdict: False → Misleading"],
    [{ rationale: null }, { rationale: "Because." }, "Rationale added"],
    [{ rationale: "Because." }, { rationale: "Because, and more." }, "Rationale changed"],
    [{ rationale: "Because." }, { rationale: null }, "Rationale removed"],
    [{ restatement: "Old." }, { restatement: "New." }, "Restated claim changed"],
    [
      { restatement: "Old.", verdict: "MIXED", rationale: null, version: 2 },
      { restatement: "New.", verdict: "TRUE", rationale: "Yes.", version: 3 },
      "Verdict: Mixed → True; restated claim changed; rationale added",
    ],
    [{ version: 1 }, { version: 2 }, "Saved the claim without changes"],
  ])("describes an edit from %j to %j", (before, after, summary) => {
    expect(summariseEvent({ action: "claim.update", before, after }, VERITY_CATALOGUE)).toBe(summary);
  });

  it("describes deleting a claim and commenting", () => {
    expect(summariseEvent({ action: "claim.delete", before: { restatement: "Gone.", exact: "gone" }, after: null }, VERITY_CATALOGUE)).toBe(
      "Deleted the claim",
    );
    expect(summariseEvent({ action: "comment.add", before: null, after: { commentId: "c1", body: "Hmm." } }, VERITY_CATALOGUE)).toBe("Commented");
  });

  it("names added and removed evidence by its stance and its title or quoted text", () => {
    expect(
      summariseEvent({
        action: "evidence.add",
        before: { version: 1 },
        after: { kind: "EXTERNAL", stance: "SUPPORTS", url: "https://example.org", title: "Official figures", version: 2 },
      }, VERITY_CATALOGUE),
    ).toBe("Added supporting evidence: Official figures");
    expect(
      summariseEvent({
        action: "evidence.add",
        before: { version: 2 },
        after: { kind: "PASSAGE", stance: "CONTRADICTS", exact: "Crime  rose\nby 5%.", version: 3 },
      }, VERITY_CATALOGUE),
    ).toBe("Added contradicting evidence: “Crime rose by 5%.”");
    expect(
      summariseEvent({
        action: "evidence.remove",
        before: { kind: "PASSAGE", stance: "CONTEXT", exact: "Some background.", version: 3 },
        after: { version: 4 },
      }, VERITY_CATALOGUE),
    ).toBe("Removed context: “Some background.”");
    expect(
      summariseEvent({ action: "evidence.remove", before: { kind: "EXTERNAL", stance: "SUPPORTS", url: "https://a.example" }, after: {} }, VERITY_CATALOGUE),
    ).toBe("Removed supporting evidence: https://a.example");
  });

  it("shortens long quotes at a word, with an ellipsis", () => {
    const exact = "The minister said that unemployment had fallen to its lowest level in fifty years, a claim the figures do not bear out.";
    const summary = summariseEvent({ action: "evidence.add", before: null, after: { stance: "CONTRADICTS", exact } }, VERITY_CATALOGUE);
    expect(summary).toBe("Added contradicting evidence: “The minister said that unemployment had fallen to its lowest level in fifty…”");
  });

  it("never cuts an emoji in half when shortening", () => {
    const exact = "x".repeat(79) + "😀" + "y".repeat(10);
    const summary = summariseEvent({ action: "evidence.add", before: null, after: { stance: "SUPPORTS", exact } }, VERITY_CATALOGUE);
    expect(summary).toBe(`Added supporting evidence: “${"x".repeat(79)}…”`);
    expect(summary.isWellFormed()).toBe(true);
  });

  it("describes workflow events by their action and the state and note they recorded", () => {
    expect(
      summariseEvent({ action: "claim.submit", before: { state: "DRAFT", version: 3 }, after: { state: "SUBMITTED", version: 4 } }, VERITY_CATALOGUE),
    ).toBe("Submitted for review (state: Draft → Submitted)");
    expect(
      summariseEvent({
        action: "claim.request_changes",
        before: { state: "SUBMITTED" },
        after: { state: "CHANGES_REQUESTED", reviewNote: "Add a source for the 2019 figure." },
      }, VERITY_CATALOGUE),
    ).toBe("Requested changes (state: Submitted → Changes requested; note: “Add a source for the 2019 figure.”)");
    expect(summariseEvent({ action: "claim.approve", before: null, after: null }, VERITY_CATALOGUE)).toBe("Approved");
  });

  it("describes linking, unlinking and adopting the same claim's verdict in words", () => {
    expect(summariseEvent({ action: "same_claim.linked", before: { groupId: null }, after: { groupId: "g1", linkedWith: "c2" } }, VERITY_CATALOGUE)).toBe(
      "Linked as the same claim as a claim in another article",
    );
    expect(summariseEvent({ action: "same_claim.unlinked", before: { groupId: "g1" }, after: { groupId: null } }, VERITY_CATALOGUE)).toBe(
      "Unlinked from the same claim in other articles",
    );
    expect(summariseEvent({ action: "verdict.adopted", before: { verdict: null }, after: { verdict: "FALSE" } }, VERITY_CATALOGUE)).toBe(
      "Adopted the approved verdict of the same claim in another article (verdict: Unrated → False)",
    );
  });

  it("falls back to the action's name for unknown events and tolerates odd before/after values", () => {
    expect(summariseEvent({ action: "claim.anchor_lost", before: "text", after: [1, 2] }, VERITY_CATALOGUE)).toBe("Claim anchor lost");
    expect(summariseEvent({ action: "", before: undefined, after: undefined }, VERITY_CATALOGUE)).toBe("Changed");
    expect(summariseEvent({ action: "evidence.add", before: null, after: null }, VERITY_CATALOGUE)).toBe("Added evidence: an item");
  });
});

describe("textChanges", () => {
  it("shows a changed rationale word by word: kept, removed and added runs in reading order", () => {
    const [change] = textChanges({
      action: "claim.update",
      before: { rationale: "The study expects 600 jobs by 2027." },
      after: { rationale: "The revised study expects 900 jobs by 2027." },
    });
    expect(change.label).toBe("Rationale");
    expect(change.parts.filter((p) => p.change === "removed").map((p) => p.text.trim())).toEqual(["600"]);
    expect(change.parts.filter((p) => p.change === "added").map((p) => p.text.trim())).toEqual(["revised", "900"]);
    // Reading the kept and removed runs gives the old text, the kept and added ones the new text.
    expect(change.parts.filter((p) => p.change !== "added").map((p) => p.text).join("")).toBe("The study expects 600 jobs by 2027.");
    expect(change.parts.filter((p) => p.change !== "removed").map((p) => p.text).join("")).toBe("The revised study expects 900 jobs by 2027.");
  });

  it("covers the restatement and the editor's note, a field added or removed whole, and nothing for unchanged or other fields", () => {
    const changes = textChanges({
      action: "claim.update",
      before: { restatement: "Old words.", rationale: null, verdict: "TRUE", reviewNote: "Same." },
      after: { restatement: "New words.", rationale: "Because.", verdict: "FALSE", reviewNote: "Same." },
    });
    expect(changes.map((c) => c.label)).toEqual(["Restated claim", "Rationale"]);
    expect(changes[1].parts).toEqual([{ text: "Because.", change: "added" }]);
    const note = textChanges({ action: "claim.request_changes", before: { reviewNote: "Cite it." }, after: { reviewNote: null } });
    expect(note).toEqual([{ label: "Editor\u2019s note", parts: [{ text: "Cite it.", change: "removed" }] }]);
    expect(textChanges({ action: "comment.add", before: null, after: { body: "Hmm." } })).toEqual([]);
  });
});
