import { Badge, List, Popover, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { DeadlineState } from '../../../shared/deadlines';
import { ukDeadline } from '../format';

// A deadline everywhere looks the same: the word for its state (colour is never the only signal),
// the date, and its working in words one click or hover away.

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

export function Explanation({ lines, label }: { lines: readonly string[]; label: string }) {
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} width={420} position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <UnstyledButton
          onClick={() => setOpened((value) => !value)}
          onMouseEnter={() => setOpened(true)}
          onMouseLeave={() => setOpened(false)}
          aria-label={`How ${label} was worked out`}
          style={{ textDecoration: 'underline dotted', textUnderlineOffset: 3 }}
        >
          {label}
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" fw={600} mb={4}>
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
