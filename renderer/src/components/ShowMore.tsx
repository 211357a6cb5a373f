import { Button, Group, Text } from '@mantine/core';
import { useEffect, useRef, type RefObject } from 'react';
import type { PagedList } from '../api/usePagedList';

// The foot of a long list: how many rows are shown of how many match (said to screen readers as it
// changes), and "Show more", which adds the next page to the same table and moves the keyboard's
// focus to the first row it added, so a keyboard user carries on from where the list grew.
// Chosen over a virtualised list: a virtualised table keeps only the rows on screen in the page, so
// a screen reader announces a table of twenty rows and reads only those, the browser's find and
// printing miss the rest, and the focus is lost when its row scrolls away. Here every row shown is
// a real row.

const PAGE = 50;

export function ShowMore<T>(props: {
  list: PagedList<T>;
  /** What the rows are, in the plural: 'children', 'referrals'. */
  noun: string;
  tableRef: RefObject<HTMLTableElement | null>;
}) {
  const { list, noun, tableRef } = props;
  // The first row the next page adds: focused once it is there.
  const focusRow = useRef<number | null>(null);
  const shown = list.items?.length ?? 0;

  useEffect(() => {
    const index = focusRow.current;
    if (index === null || shown <= index) return;
    focusRow.current = null;
    tableRef.current?.querySelectorAll('tbody tr')[index]?.querySelector<HTMLElement>('a, button')?.focus();
  }, [shown, tableRef]);

  if (list.items === null || list.items.length === 0) return null;
  const left = list.total - shown;
  return (
    <Group mt="sm" justify="space-between">
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        Showing {shown.toLocaleString('en-GB')} of {list.total.toLocaleString('en-GB')} {noun}
      </Text>
      {list.hasMore ? (
        <Button
          variant="default"
          loading={list.loading}
          onClick={() => {
            focusRow.current = shown;
            void list.more();
          }}
        >
          {left > PAGE ? `Show ${PAGE} more ${noun}` : `Show the last ${left.toLocaleString('en-GB')}`}
        </Button>
      ) : null}
    </Group>
  );
}
