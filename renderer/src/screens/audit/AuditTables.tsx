import { Anchor, Paper, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { plural } from '../../../../shared/deadlines';
import { escalationStatusLabels } from '../../../../shared/escalations/statuses';
import { comparisonRows, timescaleRows } from '../../../../shared/termly-audit/rows';
import type { CountRow, RecordRef, TermlyAudit } from '../../../../shared/termly-audit/types';
import { ukDate, ukDateTime } from '../../format';
import { recordHref } from './links';

// The audit's tables: the timescales (and each one met late or still overdue, with whose it was),
// the escalations it covers, the breakdowns, the comparison with earlier periods, and the learning
// points to pass to the partnership.

/** The child's name, linked to the record, over the record's reference. */
function RecordCell({ record }: { record: RecordRef }) {
  return (
    <Table.Td>
      <Anchor underline="always" href={recordHref(record)} size="sm">
        {record.childName}
      </Anchor>
      <Text size="xs" c="dimmed">
        {record.reference}
      </Text>
    </Table.Td>
  );
}

export function Timescales({ audit }: { audit: TermlyAudit }) {
  const rows = timescaleRows(audit);
  return (
    <section aria-labelledby="audit-timescales">
      <Title order={2} size="h3" mb="xs" id="audit-timescales">
        Timescales
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Every referral milestone, stage target and agreed action due in the period, as it stands now. How late is counted in the working
        days of whoever owed it.
      </Text>
      <Table withTableBorder mb="md" maw={720}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Deadlines due in the period</Table.Th>
            <Table.Th ta="right">Met on time</Table.Th>
            <Table.Th ta="right">Met late</Table.Th>
            <Table.Th ta="right">Still overdue</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.label}>
              <Table.Td>{row.label}</Table.Td>
              <Table.Td ta="right">{row.metOnTime}</Table.Td>
              <Table.Td ta="right">{row.metLate}</Table.Td>
              <Table.Td ta="right">{row.overdue}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={3} size="h5" mb="xs">
        Each deadline met late or still overdue ({audit.timescales.late.length})
      </Title>
      {audit.timescales.late.length === 0 ? (
        <Text size="sm" mb="xl">
          None: every deadline due in the period was met on time.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900} mb="xl">
          <Table withTableBorder striped aria-label="Deadlines met late or still overdue">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Deadline</Table.Th>
                <Table.Th>Child and record</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Met</Table.Th>
                <Table.Th>How late</Table.Th>
                <Table.Th>Whose deadline</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {audit.timescales.late.map((late) => (
                <Table.Tr key={`${late.record.reference}/${late.what}/${late.dueAt}`}>
                  <Table.Td>{late.what}</Table.Td>
                  <RecordCell record={late.record} />
                  <Table.Td>{ukDateTime(late.dueAt)}</Table.Td>
                  <Table.Td>{late.metAt ? ukDateTime(late.metAt) : 'Not met yet'}</Table.Td>
                  <Table.Td>{late.lateBy}</Table.Td>
                  <Table.Td>{late.whoseLabel}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}

export function EscalationsInAudit({ audit }: { audit: TermlyAudit }) {
  return (
    <section aria-labelledby="audit-escalations">
      <Title order={2} size="h3" mb="xs" id="audit-escalations">
        Escalations in this audit ({audit.escalations.length})
      </Title>
      {audit.escalations.length === 0 ? (
        <Text size="sm" mb="xl">
          No escalation was open at any time in the period.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={960} mb="xl">
          <Table withTableBorder striped aria-label="Escalations in this audit">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Child and record</Table.Th>
                <Table.Th>About</Table.Th>
                <Table.Th>With</Table.Th>
                <Table.Th>Opened</Table.Th>
                <Table.Th>At the end of the period</Table.Th>
                <Table.Th>Highest stage</Table.Th>
                <Table.Th ta="right">Gaps</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {audit.escalations.map((line) => (
                <Table.Tr key={line.record.reference}>
                  <RecordCell record={line.record} />
                  <Table.Td>{line.categoryLabel}</Table.Td>
                  <Table.Td>
                    {line.agencyName}
                    <Text size="xs" c="dimmed">
                      {line.agencyKindLabel}
                    </Text>
                  </Table.Td>
                  <Table.Td>{ukDate(line.openedAt)}</Table.Td>
                  <Table.Td>
                    {escalationStatusLabels[line.statusAtEnd]}
                    {line.closedAt ? ` ${ukDate(line.closedAt)}` : ''}
                    {line.workingDaysToResolution !== null ? (
                      <Text size="xs" c="dimmed">
                        {plural(line.workingDaysToResolution, 'working day')}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{line.highestStage}</Table.Td>
                  <Table.Td ta="right">{line.gaps}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}

function CountTable({
  title,
  column,
  rows,
  kinds,
}: {
  title: string;
  column: string;
  rows: (CountRow & { kindLabel?: string })[];
  kinds?: boolean;
}) {
  return (
    <Paper withBorder p="sm">
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm">None.</Text>
      ) : (
        <Table aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{column}</Table.Th>
              <Table.Th ta="right">Escalations</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.label}>
                <Table.Td>
                  {row.label}
                  {kinds && row.kindLabel ? (
                    <Text size="xs" c="dimmed">
                      {row.kindLabel}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ta="right">{row.count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

export function Breakdown({ audit }: { audit: TermlyAudit }) {
  return (
    <section aria-labelledby="audit-breakdown">
      <Title order={2} size="h3" mb="sm" id="audit-breakdown">
        By category, kind of agency and agency
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg" mb="xl">
        <CountTable title="What it was about" column="Category" rows={audit.byCategory} />
        <CountTable title="Kind of agency" column="Kind" rows={audit.byAgencyKind} />
        <CountTable title="Agency" column="Agency" rows={audit.byAgency} kinds />
      </SimpleGrid>
    </section>
  );
}

export function Comparison({ audit }: { audit: TermlyAudit }) {
  return (
    <section aria-labelledby="audit-comparison">
      <Title order={2} size="h3" mb="sm" id="audit-comparison">
        Compared with the previous three terms
      </Title>
      <Table.ScrollContainer minWidth={760} mb="xl">
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <VisuallyHidden>Figure</VisuallyHidden>
              </Table.Th>
              {audit.comparison.map((row) => (
                <Table.Th key={row.label} ta="right">
                  {row.label}
                  {row.current ? ' (this audit)' : ''}
                  <Text size="xs" c="dimmed" fw={400}>
                    {ukDate(row.from)} to {ukDate(row.to)}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {comparisonRows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row" fw={500}>
                  {label}
                </Table.Th>
                {audit.comparison.map((row) => (
                  <Table.Td key={row.label} ta="right" fw={row.current ? 700 : 400}>
                    {value(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}

export function LearningPoints({ audit }: { audit: TermlyAudit }) {
  const issues = audit.learning.filter((point) => point.hasIssues);
  return (
    <section aria-labelledby="audit-learning">
      <Title order={2} size="h3" mb="xs" id="audit-learning">
        Learning points and policy or practice issues
      </Title>
      {audit.learning.length === 0 ? (
        <Text size="sm" mb="md">
          No learning review was recorded in the period.
        </Text>
      ) : (
        <Stack gap="sm" mb="md">
          {audit.learning.map((point) => (
            <Paper key={point.record.reference} withBorder p="sm">
              <Text size="sm" fw={700}>
                <Anchor underline="always" href={recordHref(point.record)} size="sm" fw={700}>
                  {point.record.childName} ({point.record.reference})
                </Anchor>
                <Text span size="sm" c="dimmed" fw={400}>
                  {' '}
                  reviewed by {point.reviewedBy} on {ukDate(point.reviewedAt)}
                </Text>
              </Text>
              <Text size="sm">
                <strong>What went well:</strong> {point.wentWell}
              </Text>
              <Text size="sm">
                <strong>What did not go well:</strong> {point.wentBadly}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      <Title order={3} size="h5" mb="xs">
        To pass to the safeguarding partnership ({issues.length})
      </Title>
      {issues.length === 0 ? (
        <Text size="sm" mb="xl">
          No policy or practice issue was raised in the period.
        </Text>
      ) : (
        <Table withTableBorder mb="xl" aria-label="Policy or practice issues">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Issue</Table.Th>
              <Table.Th>From</Table.Th>
              <Table.Th>Reported to the partnership</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {issues.map((point) => (
              <Table.Tr key={point.record.reference}>
                <Table.Td className="prewrap">{point.issuesForPartnership}</Table.Td>
                <Table.Td>{point.record.reference}</Table.Td>
                <Table.Td>{point.reportedToPartnershipAt ? ukDate(point.reportedToPartnershipAt) : 'Not yet'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
