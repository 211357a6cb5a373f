import { Badge, List, Popover, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useCallback, useEffect, useId, useRef, useSyncExternalStore } from 'react';
import type { DeadlineState } from '../../../shared/deadlines';
import { ukDeadline } from '../format';

// A deadline everywhere looks the same: the word for its state (colour is never the only signal),
// the date, and its working in words on hover, focus or a click.

const stateText: Record<DeadlineState | 'today' | 'this-week', { label: string; color: string }> = {
  overdue: { label: 'Overdue', color: 'red' },
  today: { label: 'Due today', color: 'orange' },
  'this-week': { label: 'Due this week', color: 'yellow' },
  due: { label: 'Due', color: 'blue' },
  met: { label: 'Met', color: 'green' },
  'met-late': { label: 'Met late', color: 'grape' },
  'not-required': { label: 'Not required', color: 'gray' },
};

export function StateBadge({ state }: { state: keyof typeof stateText }) {
  const { label, color } = stateText[state];
  return (
    <Badge
      color={color}
      variant={state === 'overdue' ? 'filled' : 'light'}
      radius="sm"
      // Never cut to "OVE…" in a narrow table column: the word is what carries the state.
      style={{ minWidth: 'max-content', ...(state === 'this-week' ? { color: '#5c4a00' } : {}) }}
    >
      {label}
    </Badge>
  );
}

/** Which explanation is open, app-wide: opening one closes any other, so they never stack. */
let openExplanation: string | null = null;
const explanationListeners = new Set<() => void>();

function setOpenExplanation(id: string | null): void {
  openExplanation = id;
  for (const listener of explanationListeners) listener();
}

function subscribeToExplanations(listener: () => void): () => void {
  explanationListeners.add(listener);
  return () => explanationListeners.delete(listener);
}

/** How an explanation came to be open: a click keeps it open until a second click, Esc or a click elsewhere. */
type OpenedBy = 'hover' | 'focus' | 'click';

/**
 * "How this date was worked out": one pattern wherever a date is shown. It opens when the pointer
 * rests on the date or the keyboard focus reaches it, and closes when they leave; a click (Enter
 * or Space) keeps it open, a second one closes it; Esc closes it; only one is ever open. The
 * working is also the button's description, so a screen reader says it on reaching the date.
 */
export function Explanation({ lines, label }: { lines: readonly string[]; label: string }) {
  const id = useId();
  const opened = useSyncExternalStore(subscribeToExplanations, () => openExplanation === id);
  const openedBy = useRef<OpenedBy | null>(null);
  const leaving = useRef<number | undefined>(undefined);

  const open = useCallback(
    (by: OpenedBy) => {
      window.clearTimeout(leaving.current);
      if (openExplanation === id) return;
      openedBy.current = by;
      setOpenExplanation(id);
    },
    [id],
  );
  const close = useCallback(() => {
    window.clearTimeout(leaving.current);
    openedBy.current = null;
    if (openExplanation === id) setOpenExplanation(null);
  }, [id]);
  /** The pointer or focus left: close, unless a click is keeping it open (a moment's grace to reach the pop-up). */
  const left = useCallback(
    (how: OpenedBy) => {
      if (openedBy.current !== how) return;
      window.clearTimeout(leaving.current);
      leaving.current = window.setTimeout(() => openedBy.current === how && close(), 150);
    },
    [close],
  );

  useEffect(() => {
    if (!opened) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [opened, close]);
  useEffect(
    () => () => {
      window.clearTimeout(leaving.current);
      if (openExplanation === id) setOpenExplanation(null);
    },
    [id],
  );

  return (
    <Popover
      opened={opened}
      onDismiss={close}
      width={420}
      position="bottom-start"
      withArrow
      shadow="md"
      closeOnEscape={false}
      returnFocus={false}
      trapFocus={false}
    >
      <Popover.Target>
        <UnstyledButton
          onClick={() => {
            if (!opened) {
              open('click');
            } else if (openedBy.current === 'click') {
              close();
            } else {
              // Opened by hover or focus: the click keeps it open.
              openedBy.current = 'click';
            }
          }}
          onMouseEnter={() => open('hover')}
          onMouseLeave={() => left('hover')}
          onFocus={() => open('focus')}
          onBlur={() => left('focus')}
          aria-label={`How ${label} was worked out`}
          aria-describedby={`${id}-working`}
          className="deadline-explanation"
          style={{ textDecoration: 'underline dotted', textUnderlineOffset: 3 }}
        >
          {label}
        </UnstyledButton>
      </Popover.Target>
      <VisuallyHidden id={`${id}-working`} component="span">
        {lines.join(' ')}
      </VisuallyHidden>
      <Popover.Dropdown
        onMouseEnter={() => window.clearTimeout(leaving.current)}
        onMouseLeave={() => left('hover')}
        aria-labelledby={`${id}-title`}
      >
        <Text size="sm" fw={600} mb={4} id={`${id}-title`}>
          How this date was worked out
        </Text>
        <List size="sm" spacing={2}>
          {lines.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      </Popover.Dropdown>
    </Popover>
  );
}

export function DeadlineText({
  dueAt,
  explanation,
  prefix = 'Due by',
}: {
  dueAt: string;
  explanation: readonly string[];
  prefix?: string;
}) {
  const label = `${prefix} ${ukDeadline(dueAt)}`;
  return <Explanation lines={explanation} label={label} />;
}
