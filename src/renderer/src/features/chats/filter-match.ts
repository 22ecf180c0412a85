/** Case-insensitive, in the UI language's rules (Turkish İ, Russian Ё…), ignoring surrounding spaces. */
export function matchesFilter(title: string, query: string, language: string): boolean {
  const needle = query.trim().toLocaleLowerCase(language);
  return needle === '' || title.toLocaleLowerCase(language).includes(needle);
}
