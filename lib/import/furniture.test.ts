import path from "node:path";
import { detectFurniture } from "./furniture";
import { FURNITURE_SET_DIR, loadFurnitureSet, scoreFurniture } from "./furniture-set";

describe("detectFurniture", () => {
  it("marks a paywall notice, a newsletter box and a cookie notice, and keeps the article", () => {
    const blocks = [
      "We use cookies to improve your experience. Accept all cookies",
      "The council voted seven to two for the sea wall.",
      "Already a subscriber? Sign in",
      "Sign up for our free newsletter to get the top stories in your inbox.",
      "Work is expected to begin next spring.",
    ];
    expect(detectFurniture(blocks, "Council approves sea wall")).toEqual(["cookies", null, "subscription", "newsletter", null]);
  });

  it("marks the title repeated as the first paragraph, and only there", () => {
    expect(detectFurniture(["Council approves sea wall", "The vote was close.", "Council approves sea wall"], "Council  approves sea wall")).toEqual([
      "repeated-title",
      null,
      null,
    ]);
  });

  it("marks a Related or References trailer with its links, up to the next sentence of the article", () => {
    const blocks = [
      "Measles cases rose for a third year.",
      "Related",
      "Storm damage bill tops £3m",
      "Seafront traders fear summer closures",
      "Health officials urged parents to check their children's vaccination records before the new school term began in September.",
    ];
    expect(detectFurniture(blocks, null)).toEqual([null, "trailer", "trailer", "trailer", null]);
  });

  it("keeps an article's own paragraphs about subscriptions, newsletters and cookies", () => {
    const blocks = [
      "A company that publishes email newsletters for 200 businesses was fined after hackers stole the addresses of 1.2 million subscribers.",
      "Publishers have put more articles behind paywalls, with most now limiting readers to a few free articles a month.",
      "Sites that show an \"accept all\" button must now show a \"reject all\" button of the same size.",
      "The company raised its price to $15.99 a month.",
    ];
    expect(detectFurniture(blocks, null)).toEqual([null, null, null, null]);
  });

  it("never marks a long paragraph, whatever it mentions", () => {
    const long = `Already a subscriber? ${"The council discussed the budget at length. ".repeat(8)}`;
    expect(detectFurniture([long], null)).toEqual([null]);
  });
});

describe("the labelled furniture set", () => {
  const tuning = scoreFurniture(loadFurnitureSet());
  const heldOut = scoreFurniture(loadFurnitureSet(path.join(FURNITURE_SET_DIR, "held-out")));

  it("holds at least 30 texts, each with article paragraphs, most with furniture", () => {
    const set = loadFurnitureSet();
    expect(set.length).toBeGreaterThanOrEqual(30);
    expect(set.every((text) => text.paragraphs.some((p) => !p.furniture))).toBe(true);
    expect(set.filter((text) => text.paragraphs.some((p) => p.furniture)).length).toBeGreaterThanOrEqual(28);
  });

  it("is detected with high precision and recall", () => {
    console.log(
      `Furniture detection: ${tuning.texts} texts (${tuning.paragraphs} paragraphs): precision ${tuning.precision.toFixed(3)}, recall ${tuning.recall.toFixed(3)}; ` +
        `${heldOut.texts} held-out texts (${heldOut.paragraphs} paragraphs): precision ${heldOut.precision.toFixed(3)}, recall ${heldOut.recall.toFixed(3)}`,
    );
    expect(tuning.precision).toBeGreaterThanOrEqual(0.95);
    expect(tuning.recall).toBeGreaterThanOrEqual(0.95);
    // Removing the article's own text is the costly mistake: held-out precision must stay high.
    expect(heldOut.precision).toBeGreaterThanOrEqual(0.9);
    expect(heldOut.recall).toBeGreaterThanOrEqual(0.6);
  });
});
