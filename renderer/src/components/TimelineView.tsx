import { Anchor, Badge, Chip, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { timelineKindLabels, timelineKinds, type TimelineItem, type TimelineKind } from '../../../shared/schemas/dashboard';
import { useDocumentCalls } from '../api/useDocumentCalls';
import { ukDateTime } from '../format';
import { href } from '../routing/router';
import { DeadlineText, StateBadge } from './Deadline';

// A child's timeline: every record with a date, oldest or newest first, filtered by kind. Each
// deadline shows its state in words and its working on hover or click.

function linkFor(item: TimelineItem): string | null {
  if (!item.link) return null;
  if (item.link.type === 'referral') return href({ name: 'referral', id: item.link.id });
  if (item.link.type === 'escalation') return href({ name: 'escalation', id: item.link.id });
  return null;
}

function DocumentLink({ id, title }: { id: string; title: string }) {
  const { error, open } = useDocumentCalls();
  return (
    <>
      <Anchor component="button" type="button" onClick={() => void open(id)}>
        {title} (download)
      </Anchor>
      {error ? (
        <Text c="red" size="xs" role="alert">
          {error}
        </Text>
      ) : null}
    </>
  );
}

export function TimelineView({ items }: { items: readonly TimelineItem[] }) {
  const present = useMemo(() => timelineKinds.filter((kind) => items.some((item) => item.kind === kind)), [items]);
  const [shown, setShown] = useState<string[]>(() => [...timelineKinds]);
  const [order, setOrder] = useState<'oldest' | 'newest'>('oldest');
  const visible = items.filter((item) => shown.includes(item.kind));
  const ordered = order === 'oldest' ? visible : [...visible].reverse();

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Chip.Group multiple value={shown} onChange={setShown}>
          <Group gap={6} role="group" aria-label="Show on the timeline">
            {present.map((kind: TimelineKind) => (
              <Chip key={kind} value={kind} size="xs">
                {timelineKindLabels[kind]}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <SegmentedControl
          size="xs"
          value={order}
          onChange={(value) => setOrder(value === 'newest' ? 'newest' : 'oldest')}
          data={[
            { value: 'oldest', label: 'Oldest first' },
            { value: 'newest', label: 'Newest first' },
          ]}
          aria-label="Order"
        />
      </Group>
      <ol aria-label="Timeline" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {ordered.map((item) => {
          const link = linkFor(item);
          return (
            <li key={item.id}>
              <Paper
                withBorder
                p="sm"
                mb={6}
                style={item.state === 'overdue' ? { borderLeft: '4px solid var(--mantine-color-red-7)' } : undefined}
              >
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={2}>
                    <Group gap="xs">
                      <Badge variant="outline" color="gray" size="sm" radius="sm">
                        {timelineKindLabels[item.kind]}
                      </Badge>
                      <Text size="sm" c="dimmed">
                        {ukDateTime(item.at)}
                      </Text>
                    </Group>
                    <Text fw={600} size="sm">
                      {link ? (
                        <Anchor href={link}>{item.title}</Anchor>
                      ) : item.link?.type === 'document' ? (
                        <DocumentLink id={item.link.id} title={item.title} />
                      ) : (
                        item.title
                      )}
                    </Text>
                    {item.detail ? (
                      <Text size="sm" className="prewrap" lineClamp={3}>
                        {item.detail}
                      </Text>
                    ) : null}
                    {item.dueAt && item.explanation ? (
                      <Text size="sm">
                        <DeadlineText dueAt={item.dueAt} explanation={item.explanation} />
                      </Text>
                    ) : null}
                  </Stack>
                  {item.state ? <StateBadge state={item.state} /> : null}
                </Group>
              </Paper>
            </li>
          );
        })}
      </ol>
      {ordered.length === 0 ? <Text c="dimmed">Nothing to show with these filters.</Text> : null}
    </Stack>
  );
}
