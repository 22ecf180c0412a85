import type { SecretStore } from './secret-store';

/** The first store that answers wins; the last one is used even if it does not answer (errors then say so). */
export async function chooseSecretStore(candidates: readonly SecretStore[]): Promise<SecretStore> {
  if (candidates.length === 0) throw new Error('No secret store candidates');
  for (const store of candidates) {
    if (await store.isAvailable()) return store;
  }
  return candidates[candidates.length - 1]!;
}
