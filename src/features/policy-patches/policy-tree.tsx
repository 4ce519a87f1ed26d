import { ChevronRight } from 'lucide-react';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Policy } from '../../api/schemas/dictionaries';
import { patchInProgressStatuses, patchStatusSchema, type PatchStatus } from '../../api/schemas/policy-patches';
import type { PatchTreeCounts } from '../../api/schemas/stats';
import { cn } from '../../lib/cn';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';

interface TreeNode {
  policy: Policy;
  level: number;
  parent: string | null;
  children: string[];
  /** The patches of the node and all below it, by status. */
  byStatus: Map<PatchStatus, number>;
  total: number;
}

/** The 1+N+X tree with each node's patches counted over its whole branch. */
function buildTree(policies: readonly Policy[], counts: PatchTreeCounts | undefined) {
  const nodes = new Map<string, TreeNode>();
  for (const policy of policies) {
    nodes.set(policy.code, {
      policy,
      level: 1,
      parent: policy.parentCode,
      children: [],
      byStatus: new Map(),
      total: 0,
    });
  }
  const roots: string[] = [];
  for (const node of nodes.values()) {
    const parent = node.parent === null ? undefined : nodes.get(node.parent);
    if (parent) parent.children.push(node.policy.code);
    else roots.push(node.policy.code);
  }
  const setLevel = (code: string, level: number) => {
    const node = nodes.get(code)!;
    node.level = level;
    for (const child of node.children) setLevel(child, level + 1);
  };
  for (const root of roots) setLevel(root, 1);
  for (const { policyCode, status, count } of counts ?? []) {
    for (let node = nodes.get(policyCode); node; node = node.parent ? nodes.get(node.parent) : undefined) {
      node.byStatus.set(status, (node.byStatus.get(status) ?? 0) + count);
      node.total += count;
    }
  }
  return { nodes, roots };
}

/**
 * The 1+N+X policy system as an accessible tree (WAI-ARIA tree view): one tab stop; arrows move,
 * open and close; Home and End; typing a name's first characters jumps to it; Enter or Space
 * selects the node, which filters the whole page by its branch.
 */
export function PolicyTree({
  policies,
  counts,
  selected,
  onSelect,
}: {
  policies: readonly Policy[];
  counts: PatchTreeCounts | undefined;
  selected: string | undefined;
  onSelect: (code: string | undefined) => void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const { nodes, roots } = useMemo(() => buildTree(policies, counts), [policies, counts]);
  // Opened and closed by the user; otherwise the core is open (its specialised policies shown)
  // and so is the branch of the node selected.
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map());
  const expanded = useMemo(() => {
    const open = new Set(roots);
    for (let c = selected; c; c = nodes.get(c)?.parent ?? undefined) open.add(c);
    for (const [code, isOpen] of toggled) {
      if (isOpen) open.add(code);
      else open.delete(code);
    }
    return open;
  }, [roots, nodes, selected, toggled]);
  const [focused, setFocused] = useState<string | undefined>(selected);
  const items = useRef(new Map<string, HTMLLIElement>());
  const typed = useRef({ text: '', at: 0 });

  const visible = useMemo(() => {
    const list: string[] = [];
    const walk = (code: string) => {
      list.push(code);
      if (expanded.has(code)) for (const child of nodes.get(code)!.children) walk(child);
    };
    for (const root of roots) walk(root);
    return list;
  }, [nodes, roots, expanded]);

  // The one tab stop: the focused node if shown, else the selected one's nearest shown ancestor, else the first.
  const shown = (code: string | undefined) => {
    for (let c = code; c; c = nodes.get(c)?.parent ?? undefined) if (visible.includes(c)) return c;
    return undefined;
  };
  const tabStop = shown(focused) ?? shown(selected) ?? visible[0];

  const focus = (code: string | undefined) => {
    if (!code) return;
    setFocused(code);
    items.current.get(code)?.focus();
  };
  const toggle = (code: string, open: boolean) => setToggled((current) => new Map(current).set(code, open));

  const onKeyDown = (event: KeyboardEvent, code: string) => {
    const node = nodes.get(code)!;
    const index = visible.indexOf(code);
    const open = expanded.has(code);
    const handled = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    switch (event.key) {
      case 'ArrowDown':
        handled();
        return focus(visible[index + 1]);
      case 'ArrowUp':
        handled();
        return focus(visible[index - 1]);
      case 'ArrowRight':
        handled();
        if (node.children.length === 0) return;
        return open ? focus(node.children[0]) : toggle(code, true);
      case 'ArrowLeft':
        handled();
        return open && node.children.length > 0 ? toggle(code, false) : focus(node.parent ?? undefined);
      case 'Home':
        handled();
        return focus(visible[0]);
      case 'End':
        handled();
        return focus(visible.at(-1));
      case 'Enter':
      case ' ':
        handled();
        return onSelect(code === selected ? undefined : code);
      case '*':
        handled();
        return setToggled((current) => {
          const siblings = node.parent ? nodes.get(node.parent)!.children : roots;
          const next = new Map(current);
          for (const sibling of siblings) if (nodes.get(sibling)!.children.length > 0) next.set(sibling, true);
          return next;
        });
    }
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Type-ahead: the next shown node whose name starts with what was typed within half a second.
      handled();
      const now = event.timeStamp;
      typed.current = { text: (now - typed.current.at < 500 ? typed.current.text : '') + event.key, at: now };
      const needle = typed.current.text.toLowerCase();
      const order = [...visible.slice(index + 1), ...visible.slice(0, index + 1)];
      const start = typed.current.text.length > 1 ? [code, ...order] : order;
      focus(start.find((c) => format.entry(nodes.get(c)!.policy).toLowerCase().startsWith(needle)));
    }
  };

  const renderNode = (code: string, position: number, setSize: number) => {
    const node = nodes.get(code)!;
    const open = expanded.has(code);
    const inProgress = patchInProgressStatuses.reduce((sum, s) => sum + (node.byStatus.get(s) ?? 0), 0);
    const byStatus = patchStatusSchema.options
      .filter((s) => (node.byStatus.get(s) ?? 0) > 0)
      .map((s) => `${t(`patch.status.${s}`)} ${format.integer(node.byStatus.get(s)!)}`)
      .join('、');
    return (
      <li
        key={code}
        ref={(element) => {
          if (element) items.current.set(code, element);
          else items.current.delete(code);
        }}
        role="treeitem"
        aria-level={node.level}
        aria-setsize={setSize}
        aria-posinset={position}
        aria-selected={code === selected}
        aria-expanded={node.children.length > 0 ? open : undefined}
        tabIndex={code === tabStop ? 0 : -1}
        onKeyDown={(event) => onKeyDown(event, code)}
        onFocus={(event) => {
          if (event.target === event.currentTarget) setFocused(code);
        }}
        onClick={(event) => {
          event.stopPropagation();
          setFocused(code);
          onSelect(code === selected ? undefined : code);
        }}
        className="outline-none [&:focus-visible>div]:ring-2 [&:focus-visible>div]:ring-ring"
      >
        <div
          className={cn(
            'flex cursor-pointer items-center gap-1 rounded-md py-1 pr-2 text-sm hover:bg-muted',
            code === selected && 'bg-primary/10 font-medium text-primary',
          )}
          style={{ paddingLeft: `${(node.level - 1) * 1}rem` }}
          title={byStatus || undefined}
        >
          <span
            aria-hidden
            className={cn(
              'inline-flex size-5 shrink-0 items-center justify-center',
              !node.children.length && 'invisible',
            )}
            onClick={(event) => {
              event.stopPropagation();
              toggle(code, !open);
            }}
          >
            <ChevronRight className={cn('size-3.5 transition-transform', open && 'rotate-90')} />
          </span>
          <span className="min-w-0 flex-1 truncate">{format.entry(node.policy)}</span>
          <span className="sr-only">
            {t('common.colon')}
            {t('patch.tree.count', { count: format.integer(node.total), open: format.integer(inProgress) })}
          </span>
          <span aria-hidden className="shrink-0 text-xs text-muted-foreground tabular-nums">
            {counts ? `${format.integer(inProgress)}/${format.integer(node.total)}` : ''}
          </span>
        </div>
        {node.children.length > 0 && open && (
          <ul role="group">{node.children.map((child, i) => renderNode(child, i + 1, node.children.length))}</ul>
        )}
      </li>
    );
  };

  return (
    <section aria-labelledby="policy-tree-heading" className="rounded-lg border bg-surface p-2">
      <div className="mb-1 flex items-center justify-between gap-2 px-1">
        <h2 id="policy-tree-heading" className="text-sm font-semibold">
          {t('patch.tree')}
        </h2>
        <button
          type="button"
          className="rounded px-1.5 py-0.5 text-xs text-primary hover:bg-muted disabled:text-muted-foreground"
          disabled={selected === undefined}
          onClick={() => onSelect(undefined)}
        >
          {t('patch.tree.all')}
        </button>
      </div>
      <p className="mb-1 px-1 text-xs text-muted-foreground">
        {t('patch.level.core')} · {t('patch.level.specialised')} · {t('patch.level.rule')}
      </p>
      <ul role="tree" aria-labelledby="policy-tree-heading">
        {roots.map((root, i) => renderNode(root, i + 1, roots.length))}
      </ul>
    </section>
  );
}
