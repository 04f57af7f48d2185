/**
 * A wide table that scrolls sideways on a narrow screen. The scrolling box takes keyboard
 * focus (arrow keys scroll it), so it is named, as a region, for screen readers.
 */
export function TableScroll({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
