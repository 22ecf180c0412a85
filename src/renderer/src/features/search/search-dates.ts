/** The start of a local calendar day (`yyyy-mm-dd`, as date inputs give it) as an ISO instant; `days` moves it (1: the next day). */
export function localDayStart(date: string, days = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  return Number.isNaN(day.getTime()) ? undefined : day.toISOString();
}
