/**
 * @jest-environment jsdom
 */
import { act, type ReactElement } from "react";
import { createRoot } from "react-dom/client";
import { StrengthMeter } from "@/components/search/strength-meter";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function render(element: ReactElement) {
  const container = document.createElement("div");
  act(() => createRoot(container).render(element));
  return container;
}

it.each([
  ["check-worthiness", 0.71, "Likely check-worthy"],
  ["evidence-match", 1.98, "Strong match"],
  ["same-claim", 0.42, "Some wording in common"],
] as const)("shows a %s score of %p as words, with no number: %s", (kind, score, words) => {
  const meter = render(<StrengthMeter kind={kind} score={score} />);
  expect(meter.textContent).toBe(words);
  expect(meter.textContent).not.toMatch(/\d/);
  // The bar only repeats the words, so assistive technology hears them once.
  expect(meter.querySelector(".strength__bar")?.getAttribute("aria-hidden")).toBe("true");
  expect(meter.querySelector("[title]")?.getAttribute("title")).not.toMatch(/\d/);
});
