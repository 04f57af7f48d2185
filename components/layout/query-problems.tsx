/** The filters of a list's URL that were not understood (and so not applied), each by its label, with what to do. */
export function QueryProblems({ problems, labels }: { problems: Record<string, string>; labels: Record<string, string> }) {
  const entries = Object.entries(problems);
  if (entries.length === 0) return null;
  return (
    <div role="alert" className="form-message form-message--error query-problems">
      <p>Some filters in the address were not applied:</p>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <strong>{labels[field] ?? field}</strong>: {message}
          </li>
        ))}
      </ul>
    </div>
  );
}
