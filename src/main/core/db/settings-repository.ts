import type { Executor } from './connection';

export class SettingsRepository {
  constructor(private readonly db: Executor) {}

  async all(tx: Executor = this.db): Promise<Record<string, unknown>> {
    const rows = await tx.selectFrom('settings').selectAll().execute();
    return Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
  }

  async set(key: string, value: unknown, tx: Executor = this.db): Promise<void> {
    const json = JSON.stringify(value);
    await tx
      .insertInto('settings')
      .values({ key, value: json })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
      .execute();
  }
}
