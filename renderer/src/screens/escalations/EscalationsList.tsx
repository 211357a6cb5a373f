import { Anchor, Button, Group, Paper, SegmentedControl, Select, Table, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { escalationStatusLabels, type EscalationStatus } from '../../../../shared/escalations/statuses';
import { agencyKindLabels, agencyKinds, type AgencyKind } from '../../../../shared/escalations/agency-kinds';
import { builtInProcedures, categoryDetails, escalationCategories } from '../../../../shared/procedures';
import { can } from '../../../../shared/permissions';
import { useSession } from '../../api/session';
import { usePagedList, type PagedFilters } from '../../api/usePagedList';
import { DeadlineText, StateBadge } from '../../components/Deadline';
import { LoadError, Loading, PageHeader } from '../../components/Page';
import { ShowMore } from '../../components/ShowMore';
import { DateField } from '../../components/DateTimeField';
import { ukDate } from '../../format';
import { href } from '../../routing/router';

// Every escalation, newest first, a page at a time, filtered in the core: by status, what it is
// about, the kind of agency, the stage it is at (or ended at) and when it was opened.

/** The stages the procedures name, once each ('stage-2' is Stage 2 in every procedure that has one). */
const stageOptions = (() => {
  const seen = new Map<string, string>();
  for (const procedure of builtInProcedures) {
    for (const track of procedure.tracks) {
      for (const stage of track.stages) if (!seen.has(stage.id)) seen.set(stage.id, stage.label.replace(/^LSCB /, ''));
    }
  }
  return [...seen].map(([value, label]) => ({ value, label }));
})();

const categoryOptions = escalationCategories.map((category) => ({ value: category, label: categoryDetails[category].label }));
const agencyOptions = agencyKinds.map((kind) => ({ value: kind, label: agencyKindLabels[kind] }));

function isCategory(value: string | null): value is (typeof escalationCategories)[number] {
  return escalationCategories.some((category) => category === value);
}

function isAgency(value: string | null): value is AgencyKind {
  return agencyKinds.some((kind) => kind === value);
}

export function EscalationsList() {
  const { status: session } = useSession();
  const [status, setStatus] = useState<EscalationStatus | 'all'>('open');
  const [category, setCategory] = useState<string | null>(null);
  const [agencyKind, setAgencyKind] = useState<string | null>(null);
  const [stageId, setStageId] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filters: PagedFilters<'escalations.list'> = {
    ...(status === 'all' ? {} : { status }),
    ...(isCategory(category) ? { category } : {}),
    ...(isAgency(agencyKind) ? { agencyKind } : {}),
    ...(stageId ? { stageId } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(from) ? { from } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(to) ? { to } : {}),
  };
  const escalations = usePagedList('escalations.list', filters);
  const table = useRef<HTMLTableElement>(null);
  const filtered = category !== null || agencyKind !== null || stageId !== null || from !== '' || to !== '';
  return (
    <>
      <PageHeader
        title="Escalations"
        subtitle="Professional disagreements about children’s safety, stage by stage."
        actions={
          can(session.user.role, 'escalations.open') ? (
            <Button component="a" href={href({ name: 'escalation-new', childId: null, referralId: null, milestone: null })}>
              Open an escalation
            </Button>
          ) : null
        }
      />
      <SegmentedControl
        mb="md"
        value={status}
        onChange={(value) => setStatus(value === 'open' || value === 'resolved' || value === 'closed-unresolved' ? value : 'all')}
        data={[
          { value: 'open', label: 'Open' },
          { value: 'resolved', label: 'Resolved' },
          { value: 'closed-unresolved', label: 'Closed unresolved' },
          { value: 'all', label: 'All' },
        ]}
        aria-label="Which escalations"
      />
      <Group mb="md" align="flex-end" wrap="wrap" role="group" aria-label="Filter the escalations">
        <Select
          label="About"
          placeholder="Anything"
          data={categoryOptions}
          value={category}
          onChange={setCategory}
          clearable
          searchable
          w={300}
        />
        <Select label="With" placeholder="Any agency" data={agencyOptions} value={agencyKind} onChange={setAgencyKind} clearable w={220} />
        <Select label="At stage" placeholder="Any stage" data={stageOptions} value={stageId} onChange={setStageId} clearable w={160} />
        <DateField label="Opened from" value={from} onChange={setFrom} required={false} />
        <DateField label="Opened to" value={to} onChange={setTo} required={false} />
        {filtered ? (
          <Button
            variant="subtle"
            onClick={() => {
              setCategory(null);
              setAgencyKind(null);
              setStageId(null);
              setFrom('');
              setTo('');
            }}
          >
            Clear the filters
          </Button>
        ) : null}
      </Group>
      {escalations.error ? <LoadError error={escalations.error} /> : null}
      {!escalations.items && !escalations.error ? <Loading what="escalations" /> : null}
      {escalations.items && escalations.items.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>
            {filtered
              ? 'No escalations match these filters. Clear a filter to see more.'
              : 'No escalations here. Open one from a child’s page, or from a missed timescale on the dashboard.'}
          </Text>
        </Paper>
      ) : null}
      {escalations.items && escalations.items.length > 0 ? (
        <Table ref={table} withTableBorder striped aria-label="Escalations" aria-busy={escalations.loading}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Child</Table.Th>
              <Table.Th>With</Table.Th>
              <Table.Th>About</Table.Th>
              <Table.Th>Stage</Table.Th>
              <Table.Th>Target</Table.Th>
              <Table.Th>Opened</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {escalations.items.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>
                  <Anchor href={href({ name: 'escalation', id: row.id })} fw={600}>
                    {row.childName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{row.otherAgencyName}</Table.Td>
                <Table.Td>{row.categoryLabel}</Table.Td>
                <Table.Td>{row.status === 'open' ? `${row.stageLabel}: ${row.stageTitle}` : escalationStatusLabels[row.status]}</Table.Td>
                <Table.Td>
                  {row.target ? (
                    <>
                      <StateBadge state={row.target.state} />{' '}
                      <DeadlineText dueAt={row.target.dueAt} explanation={row.target.explanation} prefix="By" />
                    </>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>{ukDate(row.openedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <ShowMore list={escalations} noun="escalations" tableRef={table} />
    </>
  );
}
