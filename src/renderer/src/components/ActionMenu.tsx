import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import './components.css';

export interface ActionMenuItem {
  /** Stable key. */
  id: string;
  label: string;
  onSelect: () => void;
  /** Painted as destructive (Delete). */
  danger?: boolean;
  disabled?: boolean;
}

interface ActionMenuProps {
  /** The trigger button's accessible name, e.g. "Chat actions for “Trip to Lisbon”". */
  label: string;
  items: ActionMenuItem[];
  /** Extra class for the trigger button. */
  className?: string;
}

/**
 * A "⋯" button that opens a menu (WAI-ARIA menu button pattern): Enter/Space/↓ open it on the first item,
 * ↑/↓/Home/End move, Enter chooses, Esc or Tab closes, and focus goes back to the button.
 * The menu is position: fixed so a scrolling list cannot clip it.
 */
export function ActionMenu({ label, items, className }: ActionMenuProps) {
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();

  const enabled = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])];

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) trigger.current?.focus();
  };

  // Place the menu under the button (above it near the bottom of the window), right-aligned.
  useLayoutEffect(() => {
    if (!open || !trigger.current || !menu.current) return;
    const button = trigger.current.getBoundingClientRect();
    const box = menu.current.getBoundingClientRect();
    const below = button.bottom + 4 + box.height <= window.innerHeight;
    setPosition({
      top: below ? button.bottom + 4 : Math.max(4, button.top - 4 - box.height),
      left: Math.max(4, Math.min(button.right - box.width, window.innerWidth - box.width - 4)),
    });
    enabled()[0]?.focus();
  }, [open]);

  // A press anywhere else, or the window losing focus or resizing, closes it.
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !trigger.current?.contains(target)) setOpen(false);
    };
    const onResize = () => setOpen(false);
    document.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('resize', onResize);
    window.addEventListener('blur', onResize);
    return () => {
      document.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('resize', onResize);
      window.removeEventListener('blur', onResize);
    };
  }, [open]);

  const onTriggerKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
    }
  };

  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const list = enabled();
    const index = list.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => {
      e.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(index + 1);
      case 'ArrowUp':
        return move(index - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(list.length - 1);
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        return close(true);
      case 'Tab':
        return close(false);
    }
  };

  return (
    <>
      <button
        ref={trigger}
        type="button"
        className={`icon-button ${className ?? ''}`}
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(true) : setOpen(true))}
        onKeyDown={onTriggerKey}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <circle cx="3" cy="8" r="1.5" fill="currentColor" />
          <circle cx="8" cy="8" r="1.5" fill="currentColor" />
          <circle cx="13" cy="8" r="1.5" fill="currentColor" />
        </svg>
      </button>
      {open && (
        <ul
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={label}
          className="menu"
          // Measured and placed before the first paint (layout effect), so 0,0 is never seen.
          style={{ top: position?.top ?? 0, left: position?.left ?? 0 }}
          onKeyDown={onMenuKey}
        >
          {items.map((item) => (
            <li key={item.id} role="none">
              <button
                type="button"
                role="menuitem"
                className={`menu__item ${item.danger ? 'menu__item--danger' : ''}`}
                disabled={item.disabled}
                tabIndex={-1}
                onClick={() => {
                  close(true);
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
