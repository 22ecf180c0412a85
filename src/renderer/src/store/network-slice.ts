import type { NetworkStatusDto } from '../../../shared/domain/dto';
import type { SliceCreator } from './types';

export interface NetworkSlice {
  /** Whether main can reach Anthropic; null until main has said (features/network/network-watch.ts feeds it). */
  network: NetworkStatusDto | null;
  setNetworkStatus: (status: NetworkStatusDto) => void;
}

export const createNetworkSlice: SliceCreator<NetworkSlice> = (set, get) => ({
  network: null,

  setNetworkStatus(status) {
    const current = get().network;
    // Answers can cross (a status call and an event): the newer check wins.
    if (current?.checkedAt && status.checkedAt && status.checkedAt < current.checkedAt) return;
    set({ network: status });
  },
});

/** True only when main knows it cannot reach Anthropic (unknown is not offline). */
export function selectOffline(state: { network: NetworkStatusDto | null }): boolean {
  return state.network?.online === false;
}
