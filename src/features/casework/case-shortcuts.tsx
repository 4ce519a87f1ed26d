import { useEffect, useRef } from 'react';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { useI18n } from '../../lib/i18n/i18n';
import type { MessageKey } from '../../lib/i18n/zh-cn';
import type { CaseAction } from '../../api/schemas/service-cases';

/** The keys that open an action's dialog on the case open (when the workflow allows it); `r` goes to the answer. */
export const actionKeys = {
  d: 'dispatch',
  q: 'sign',
  a: 'assign',
  e: 'requestExtension',
  c: 'accept',
  v: 'followUp',
  s: 'supervise',
  p: 'prioritize',
} as const satisfies Record<string, CaseAction>;

/** The keys of keyboard triage, in the order the help lists them. */
export const caseShortcuts: [key: string, label: MessageKey][] = [
  ['j / ↓', 'case.key.next'],
  ['k / ↑', 'case.key.previous'],
  ['Enter', 'case.key.open'],
  ['r', 'case.key.answer'],
  ...Object.entries(actionKeys).map(([key, action]): [string, MessageKey] => [key, `case.action.${action}`]),
  ['Esc', 'case.key.back'],
  ['?', 'case.key.help'],
];

/** Whether a key press belongs to what the user is typing or to an open dialog, not to the page. */
function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return true;
  if (!target) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('[role="dialog"], [role="menu"], [role="listbox"]') !== null
  );
}

/** Calls `onKey` with the page's shortcut keys, never with keys meant for a field or a dialog. */
export function usePageKeys(onKey: (key: string, event: KeyboardEvent) => boolean) {
  const handler = useRef(onKey);
  useEffect(() => {
    handler.current = onKey;
  });
  useEffect(() => {
    const listen = (event: KeyboardEvent) => {
      if (isTyping(event)) return;
      if (handler.current(event.key, event)) event.preventDefault();
    };
    document.addEventListener('keydown', listen);
    return () => document.removeEventListener('keydown', listen);
  }, []);
}

/** `?`: the keys of keyboard triage. */
export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useI18n();
  return (
    <ModalDialog open={open} onOpenChange={onOpenChange} title={t('case.key.title')} description={t('case.key.intro')}>
      <dl className="mt-4 grid grid-cols-[5rem_1fr] gap-x-3 gap-y-1.5 text-sm">
        {caseShortcuts.map(([key, label]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border bg-muted px-1.5 py-0.5 font-mono text-xs">{key}</kbd>
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
    </ModalDialog>
  );
}
