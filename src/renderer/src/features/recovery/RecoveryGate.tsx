import type { ReactNode } from 'react';
import { useAppStore } from '../../store';
import { RecoveryScreen } from './RecoveryScreen';

/**
 * The app, unless the data file is damaged: then the recovery screen takes the whole window until a backup
 * is restored or Parley starts with empty data. Nothing renders during the first check (one quick call),
 * so a damaged file never flashes the app first.
 */
export function RecoveryGate({ children }: { children: ReactNode }) {
  const status = useAppStore((s) => s.recovery.status);
  if (status === 'checking') return null;
  if (status === 'damaged') return <RecoveryScreen />;
  return children;
}
