/** What a page shows to a signed-in user whose role does not allow it (the data layer refuses anyway). */
export function AccessDenied({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="card empty">
      <h1>{title}</h1>
      <p>{children}</p>
    </div>
  );
}
