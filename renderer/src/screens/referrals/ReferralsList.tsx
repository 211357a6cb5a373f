import { Anchor, Button, Group, Paper, Select, Table, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import {
  referralCategories,
  referralCategoryLabels,
  referralConcernLabels,
  referralConcerns,
  type ReferralCategory,
  type ReferralConcern,
} from '../../../../shared/referrals/categories';
import { can } from '../../../../shared/permissions';
import { useSession } from '../../api/session';
import { usePagedList, type PagedFilters } from '../../api/usePagedList';
import { DeadlineText, StateBadge } from '../../components/Deadline';
import { LoadError, Loading, PageHeader } from '../../components/Page';
import { ShowMore } from '../../components/ShowMore';
import { DateField } from '../../components/DateTimeField';
import { ukDateTime } from '../../format';
import { href } from '../../routing/router';

// Every referral, newest first, a page at a time, filtered in the core by category, concern and when made.

const categoryOptions = referralCategories.map((category) => ({ value: category, label: referralCategoryLabels[category] }));
const concernOptions = referralConcerns.map((concern) => ({ value: concern, label: referralConcernLabels[concern] }));

export function ReferralsList() {
  const { status } = useSession();
  const [category, setCategory] = useState<string | null>(null);
  const [concern, setConcern] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filters: PagedFilters<'referrals.list'> = {
    ...(referralCategories.includes(category as ReferralCategory) ? { category: category as ReferralCategory } : {}),
    ...(referralConcerns.includes(concern as ReferralConcern) ? { concern: concern as ReferralConcern } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(from) ? { from } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(to) ? { to } : {}),
  };
  const referrals = usePagedList('referrals.list', filters);
  const table = useRef<HTMLTableElement>(null);
  const filtered = category !== null || concern !== null || from !== '' || to !== '';
  return (
    <>
      <PageHeader
        title="Referrals"
        subtitle="Referrals to children’s social care and their statutory milestones."
        actions={
          can(status.user.role, 'referrals.create') ? (
            <Button component="a" href={href({ name: 'referral-new', childId: null })}>
              Record a referral
            </Button>
          ) : null
        }
      />
      <Group mb="md" align="flex-end" wrap="wrap" role="group" aria-label="Filter the referrals">
        <Select label="Category" placeholder="Any" data={categoryOptions} value={category} onChange={setCategory} clearable w={300} />
        <Select label="Concern" placeholder="Any" data={concernOptions} value={concern} onChange={setConcern} clearable w={200} />
        <DateField label="Made from" value={from} onChange={setFrom} required={false} />
        <DateField label="Made to" value={to} onChange={setTo} required={false} />
        {filtered ? (
          <Button
            variant="subtle"
            onClick={() => {
              setCategory(null);
              setConcern(null);
              setFrom('');
              setTo('');
            }}
          >
            Clear the filters
          </Button>
        ) : null}
      </Group>
      {referrals.error ? <LoadError error={referrals.error} /> : null}
      {!referrals.items && !referrals.error ? <Loading what="referrals" /> : null}
      {referrals.items && referrals.items.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>
            {filtered
              ? 'No referrals match these filters. Clear a filter to see more.'
              : 'No referrals recorded yet. Record one from a child’s page or with the button above.'}
          </Text>
        </Paper>
      ) : null}
      {referrals.items && referrals.items.length > 0 ? (
        <Table ref={table} withTableBorder striped aria-label="Referrals" aria-busy={referrals.loading}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Child</Table.Th>
              <Table.Th>Made</Table.Th>
              <Table.Th>Concern</Table.Th>
              <Table.Th>Next milestone</Table.Th>
              <Table.Th>Overdue</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {referrals.items.map((referral) => (
              <Table.Tr key={referral.id}>
                <Table.Td>
                  <Anchor href={href({ name: 'referral', id: referral.id })} fw={600}>
                    {referral.childName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{ukDateTime(referral.madeAt)}</Table.Td>
                <Table.Td>
                  {referralConcernLabels[referral.concern]}
                  <Text size="xs" c="dimmed">
                    {referralCategoryLabels[referral.category]}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {referral.nextDue ? (
                    <>
                      {referral.nextDue.label}
                      <Text size="xs">
                        <DeadlineText dueAt={referral.nextDue.dueAt} explanation={referral.nextDue.explanation} />
                      </Text>
                    </>
                  ) : (
                    'None outstanding'
                  )}
                </Table.Td>
                <Table.Td>{referral.overdue > 0 ? <StateBadge state="overdue" /> : 'No'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <ShowMore list={referrals} noun="referrals" tableRef={table} />
    </>
  );
}
