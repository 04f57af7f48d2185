/** One filter of a list page's GET form: a labelled select whose first choice, "", means any. */
export function FilterSelect({
  name,
  label,
  value,
  anyLabel,
  options,
}: {
  name: string;
  label: string;
  value: string | null | undefined;
  /** The first choice's words; none for a choice that must be made (a sort order). */
  anyLabel?: string;
  options: ReadonlyArray<readonly [value: string, label: string]>;
}) {
  return (
    <label>
      <span>{label}</span>
      <select name={name} defaultValue={value ?? ""}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </label>
  );
}
