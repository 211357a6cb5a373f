import { Combobox, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { ChildSummary } from '../../../shared/schemas/children';
import { apiBridge } from '../api/client';
import { ukDate } from '../format';
import { navigate } from '../routing/router';

// "Find a child", in the header of every screen (Ctrl+K puts the cursor in it): a name typed any
// way (accents, case and apostrophes don't matter: the core folds them) or a date of birth as
// dd/mm/yyyy, and the children who match, to open with Enter or a click.

export const FIND_A_CHILD_ID = 'header-find-a-child';
const MOST = 8;

export function FindChild() {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const [answer, setAnswer] = useState<{ search: string; children: ChildSummary[]; total: number } | null>(null);

  useEffect(() => {
    if (!debounced) return;
    let active = true;
    // Only the first few: the core counts the rest.
    void apiBridge.call('children.list', { search: debounced, limit: MOST }).then((result) => {
      if (active && result.ok) setAnswer({ search: debounced, children: result.value.items, total: result.value.total });
    });
    return () => {
      active = false;
    };
  }, [debounced]);

  // The first match is ready for Enter as soon as the results arrive.
  useEffect(() => {
    if (answer && answer.children.length > 0) combobox.selectFirstOption();
  }, [answer, combobox]);

  const current = answer && answer.search === debounced ? answer.children : null;
  const open = (id: string) => {
    setSearch('');
    setAnswer(null);
    combobox.closeDropdown();
    navigate({ name: 'child', id });
  };

  return (
    <Combobox store={combobox} onOptionSubmit={open} width={380} position="bottom-start">
      <Combobox.Target>
        <TextInput
          id={FIND_A_CHILD_ID}
          aria-label="Find a child"
          placeholder="Find a child (Ctrl+K)"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onFocus={() => search.trim() && combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setSearch('');
          }}
          w="100%"
          maw={340}
          miw={160}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!debounced}>
        <Combobox.Options aria-label="Children found">
          {current === null ? (
            <Combobox.Empty>Searching…</Combobox.Empty>
          ) : current.length === 0 ? (
            <Combobox.Empty>No child matches “{debounced}”.</Combobox.Empty>
          ) : (
            current.slice(0, MOST).map((child) => (
              <Combobox.Option value={child.id} key={child.id}>
                <Text size="sm" fw={600} span>
                  {child.lastName}, {child.firstName}
                </Text>{' '}
                <Text size="sm" span>
                  born {ukDate(child.dateOfBirth)}, {child.classOrYear}
                </Text>
              </Combobox.Option>
            ))
          )}
          {current && answer && answer.total > current.length ? (
            <Combobox.Empty>{answer.total - current.length} more: type more of the name, or the date of birth.</Combobox.Empty>
          ) : null}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
