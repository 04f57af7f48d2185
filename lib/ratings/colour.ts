import { colord, extend } from "colord";
import a11yPlugin from "colord/plugins/a11y";
import mixPlugin from "colord/plugins/mix";

extend([a11yPlugin, mixPlugin]);

/**
 * A rating's colour is the background of its badge and marker under white text, and the
 * underline of its highlight on the reader's white page: both need WCAG AA (4.5:1).
 */
export const MIN_CONTRAST = 4.5;
const PAGE = "#ffffff";

/** The colour's contrast ratio against the white page, to two decimals. */
export function contrastWithPage(color: string): number {
  return Math.floor(colord(color).contrast(PAGE) * 100) / 100;
}

/** The light tint behind a claim's words in the text (dark text stays readable on it). */
export function tintOf(color: string): string {
  return colord(color).mix(PAGE, 0.85).toHex();
}
