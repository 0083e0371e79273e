import { useEffect, useRef, type RefObject } from 'react';

/**
 * The element to give focus back to: the opener itself, or, when a re-render replaced it (a chart
 * redrawn while the panel was open), the element that now stands for the same record.
 */
function refind(el: Element | null): HTMLElement | SVGElement | null {
  if (!el) return null;
  if (el.isConnected) return el instanceof HTMLElement || el instanceof SVGElement ? el : null;
  const record = el.getAttribute('data-record-id');
  const chart = el.closest('[id]')?.id;
  if (record) {
    const scope = (chart && document.getElementById(chart)) || document;
    const escaped = typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(record) : record;
    return scope.querySelector<SVGElement | HTMLElement>(`[data-record-id="${escaped}"]`);
  }
  return el.id ? document.getElementById(el.id) : null;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * Opens a <dialog> as a modal: the browser makes the page behind it inert and keeps Tab inside.
 * Focus moves to the element marked data-autofocus (again whenever `key` changes, as when another
 * figure opens in the same panel); Escape or a click on the backdrop closes; focus returns to
 * whatever opened it.
 */
export function useDialogFocus(dialog: RefObject<HTMLDialogElement | null>, onClose: () => void, key: string) {
  const opener = useRef<Element | null>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    const el = dialog.current;
    opener.current ??= document.activeElement;
    if (el && !el.open) {
      // jsdom lacks showModal; the open attribute keeps tests of the content working there.
      if (typeof el.showModal === 'function') el.showModal();
      else el.setAttribute('open', '');
    }
    const onCancel = (e: Event) => {
      // Escape: React state owns whether the panel is open, so ask it to close.
      e.preventDefault();
      close.current();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        // Handled here too, for environments whose dialog sends no cancel event.
        e.preventDefault();
        close.current();
        return;
      }
      if (e.key !== 'Tab' || !el) return;
      // Tab wraps within the panel instead of leaving for the browser's toolbar.
      const items = [...el.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = items[0];
      const last = items.at(-1);
      if (!first || !last) return;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      // The dialog's own box is only reached through the backdrop; its content sits in an inner element.
      if (e.target === el) close.current();
    };
    el?.addEventListener('cancel', onCancel);
    el?.addEventListener('click', onClick);
    el?.addEventListener('keydown', onKey);
    return () => {
      el?.removeEventListener('keydown', onKey);
      el?.removeEventListener('cancel', onCancel);
      el?.removeEventListener('click', onClick);
      if (el?.open && typeof el.close === 'function') el.close();
      const back = refind(opener.current);
      opener.current = null;
      back?.focus();
    };
  }, [dialog]);

  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [dialog, key]);
}
