import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { ChildSummary } from '../../../shared/schemas/children';
import { apiBridge } from '../api/client';
import { useApi } from '../api/useApi';

// Choose a child from the register by typing their name (any way: accents, case and apostrophes
// don't matter) or date of birth. The register can hold thousands of children over the years, so
// the core searches it and answers the first matches; the list never holds the whole register.

const SHOWN = 20;

function optionOf(child: ChildSummary): { value: string; label: string } {
  return { value: child.id, label: `${child.firstName} ${child.lastName} (${child.classOrYear})` };
}

/**
 * Choose a child from the register, searching by name. With none chosen, its message says so
 * ("Choose the child."), not the contract's words for an identifier it cannot read.
 */
export function ChildSelect(props: { value: string; onChange: (id: string) => void; onBlur?: () => void; error?: string | undefined }) {
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  // The chosen child's name shows in the box: that is not a search.
  const typed = chosen !== null && search === chosen.label ? '' : search.trim();
  const [debounced] = useDebouncedValue(typed, 150);
  const found = useApi('children.list', debounced ? { search: debounced, limit: SHOWN } : { limit: SHOWN });

  // A child chosen before this box was shown (the form was opened from their page, or a draft): their name.
  useEffect(() => {
    if (!props.value || chosen?.value === props.value) return;
    let active = true;
    void apiBridge.call('children.get', { id: props.value }).then((result) => {
      if (active && result.ok) setChosen(optionOf(result.value));
    });
    return () => {
      active = false;
    };
  }, [props.value, chosen]);

  const options = (found.data?.items ?? []).map(optionOf);
  if (chosen && props.value === chosen.value && !options.some((option) => option.value === chosen.value)) options.unshift(chosen);
  const more = (found.data?.total ?? 0) - (found.data?.items.length ?? 0);
  return (
    <Select
      label="Child"
      required
      searchable
      placeholder={found.loading && !found.data ? 'Loading…' : 'Type the child’s name or date of birth'}
      description={more > 0 ? `${more.toLocaleString('en-GB')} more not shown: type more of the name, or the date of birth.` : undefined}
      nothingFoundMessage="No child with that name: add the child first."
      data={options}
      // The core has already searched: show what it found, as it ordered it.
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      value={props.value || null}
      onChange={(value, option) => {
        setChosen(value && option ? { value, label: option.label } : null);
        props.onChange(value ?? '');
      }}
      onBlur={props.onBlur}
      error={props.error && !props.value ? 'Choose the child.' : props.error}
    />
  );
}
