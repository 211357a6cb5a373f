import { Select } from '@mantine/core';
import { useApi } from '../api/useApi';

/**
 * Choose a child from the register, searching by name. With none chosen, its message says so
 * ("Choose the child."), not the contract's words for an identifier it cannot read.
 */
export function ChildSelect(props: { value: string; onChange: (id: string) => void; onBlur?: () => void; error?: string | undefined }) {
  const children = useApi('children.list', {});
  return (
    <Select
      label="Child"
      required
      searchable
      placeholder={children.loading ? 'Loading…' : 'Type the child’s name'}
      nothingFoundMessage="No child with that name: add the child first."
      data={(children.data ?? []).map((child) => ({
        value: child.id,
        label: `${child.firstName} ${child.lastName} (${child.classOrYear})`,
      }))}
      value={props.value || null}
      onChange={(value) => props.onChange(value ?? '')}
      onBlur={props.onBlur}
      error={props.error && !props.value ? 'Choose the child.' : props.error}
    />
  );
}
