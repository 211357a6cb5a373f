import { Anchor, Button, Paper, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { levelOfNeedLabels, planStatusLabels } from '../../../../shared/schemas/children';
import { can } from '../../../../shared/permissions';
import { useSession } from '../../api/session';
import { usePagedList } from '../../api/usePagedList';
import { LoadError, Loading, PageHeader } from '../../components/Page';
import { ShowMore } from '../../components/ShowMore';
import { ageOn, ukDate } from '../../format';
import { href } from '../../routing/router';

export function ChildrenList() {
  const { status } = useSession();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  // The register a page at a time (the core sorts and searches it): a setting's whole history can be thousands of children.
  const children = usePagedList('children.list', debounced ? { search: debounced } : {});
  const table = useRef<HTMLTableElement>(null);

  return (
    <>
      <PageHeader
        title="Children"
        subtitle="Children with a safeguarding record in this setting."
        actions={
          can(status.user.role, 'children.create') ? (
            <Button component="a" href={href({ name: 'child-new' })}>
              Add a child
            </Button>
          ) : null
        }
      />
      <TextInput
        label="Search the register"
        description="Any part of the child’s name (accents and capitals don’t matter), or their date of birth as dd/mm/yyyy."
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={420}
        mb="md"
      />
      {children.error ? <LoadError error={children.error} /> : null}
      {children.loading && !children.items ? <Loading what="children" /> : null}
      {children.items && children.items.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>
            {debounced
              ? `No child matches “${debounced}”. Check the spelling, or add the child.`
              : 'No children yet. Add the first child to start recording referrals and escalations.'}
          </Text>
        </Paper>
      ) : null}
      {children.items && children.items.length > 0 ? (
        <Table ref={table} striped highlightOnHover withTableBorder aria-label="Children" aria-busy={children.loading}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Date of birth</Table.Th>
              <Table.Th>Class or year</Table.Th>
              <Table.Th>Level of need</Table.Th>
              <Table.Th>Plan</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {children.items.map((child) => (
              <Table.Tr key={child.id}>
                <Table.Td>
                  <Anchor href={href({ name: 'child', id: child.id })} fw={600}>
                    {child.lastName}, {child.firstName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {ukDate(child.dateOfBirth)}{' '}
                  <Text span c="dimmed" size="sm">
                    ({ageOn(child.dateOfBirth)})
                  </Text>
                </Table.Td>
                <Table.Td>{child.classOrYear}</Table.Td>
                <Table.Td>{levelOfNeedLabels[child.levelOfNeed]}</Table.Td>
                <Table.Td>{planStatusLabels[child.planStatus]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <ShowMore list={children} noun="children" tableRef={table} />
    </>
  );
}
