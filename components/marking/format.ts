/** An overlap F1 as the pages show it: three decimals, or a dash when nobody marked anything. */
export function formatAgreement(f1: number | null): string {
  return f1 === null ? "—" : f1.toFixed(3);
}
