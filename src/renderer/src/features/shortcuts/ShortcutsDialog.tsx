import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal';
import { IS_MAC } from './platform';
import { searchChord } from '../search/search-shortcut';
import { formatChord } from './shortcuts';

type ShortcutKey = 'newChat' | 'focusFilter' | 'openSearch' | 'openSettings' | 'showShortcuts' | 'send' | 'newLine' | 'stop' | 'save';

/** Key names are the same in every language we ship (Russian keyboards say Enter, Shift, Esc too). */
function rows(mac: boolean): ReadonlyArray<{ keys: string; action: ShortcutKey }> {
  return [
    { keys: formatChord('N', mac), action: 'newChat' },
    { keys: formatChord('K', mac), action: 'focusFilter' },
    { keys: searchChord(mac), action: 'openSearch' },
    { keys: formatChord(',', mac), action: 'openSettings' },
    { keys: formatChord('/', mac), action: 'showShortcuts' },
    { keys: 'Enter', action: 'send' },
    { keys: mac ? '⇧Enter' : 'Shift+Enter', action: 'newLine' },
    { keys: 'Esc', action: 'stop' },
    { keys: formatChord('S', mac), action: 'save' },
  ];
}

/** Every shortcut Parley has, with the modifier this platform uses. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('shortcuts.title')} onClose={onClose} className="modal--shortcuts">
      <dl className="shortcut-list">
        {rows(IS_MAC).map((row) => (
          <div key={row.action} className="shortcut-list__row">
            <dt>
              <kbd>{row.keys}</kbd>
            </dt>
            <dd>{row.action === 'openSearch' ? t('search.shortcut') : t(`shortcuts.actions.${row.action}`)}</dd>
          </div>
        ))}
      </dl>
      <div className="modal__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('shortcuts.close')}
        </button>
      </div>
    </Modal>
  );
}
