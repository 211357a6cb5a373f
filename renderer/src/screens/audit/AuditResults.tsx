import { Alert, Anchor, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { AuditPeriod } from '../../../../shared/termly-audit/periods';
import type { TermlyAudit } from '../../../../shared/termly-audit/types';
import { useApi } from '../../api/useApi';
import { LoadError, Loading } from '../../components/Page';
import { ukDate, ukDateTime } from '../../format';
import { AuditCharts } from './AuditCharts';
import { Breakdown, Comparison, EscalationsInAudit, LearningPoints, Timescales } from './AuditTables';
import { GovernorsPdf } from './GovernorsPdf';
import { plural } from '../../../../shared/deadlines';
import { workingDaysFigure } from '../../../../shared/termly-audit/rows';
import { recordHref } from './links';
import { RecordQuality } from './RecordQuality';
import { RecordsCheck } from './RecordsCheck';

// One audit: the key figures first, then the records check (asked for once the figures are shown,
// so they never wait for it), the PDF for governors, the charts, the gaps in the
// records, the timescales, the escalations, the breakdowns, the comparison and the learning points.

function Figure({ value, label }: { value: string; label: string }) {
  return (
    <Paper withBorder p="sm">
      <Text fz={28} fw={700} lh={1.1}>
        {value}
      </Text>
      <Text size="sm">{label}</Text>
    </Paper>
  );
}

function KeyFigures({ audit }: { audit: TermlyAudit }) {
  const { counts, resolution, timescales } = audit;
  return (
    <section aria-labelledby="audit-figures">
      <Title order={2} size="h3" mb="sm" id="audit-figures">
        Figures
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" mb="xs">
        <Figure value={String(counts.inAudit)} label="Escalations open at some time in the period" />
        <Figure value={String(counts.opened)} label="Opened" />
        <Figure value={String(counts.resolved)} label="Resolved" />
        <Figure value={String(counts.closedUnresolved)} label="Closed without resolution" />
        <Figure value={String(counts.stillOpen)} label="Still open at the end" />
        <Figure value={String(counts.carriedIn)} label="Carried in from before" />
        <Figure value={workingDaysFigure(resolution.medianWorkingDays)} label="Median working days to resolution" />
        <Figure value={workingDaysFigure(resolution.longestWorkingDays)} label="Longest working days to resolution" />
        <Figure value={String(timescales.total.metOnTime)} label="Deadlines met on time" />
        <Figure value={String(timescales.total.metLate)} label="Deadlines met late" />
        <Figure value={String(timescales.total.overdue)} label="Deadlines still overdue" />
        <Figure value={String(audit.gaps.length)} label="Gaps in the records" />
      </SimpleGrid>
      {resolution.longest ? (
        <Text size="sm" c="dimmed" mb="xl">
          The longest to resolve was{' '}
          <Anchor underline="always" href={recordHref(resolution.longest)}>
            {resolution.longest.childName}
          </Anchor>{' '}
          ({resolution.longest.reference}): {plural(resolution.longestWorkingDays ?? 0, 'working day')}.
        </Text>
      ) : (
        <Text size="sm" c="dimmed" mb="xl">
          No escalation was resolved in the period.
        </Text>
      )}
    </section>
  );
}

export function AuditResults({ period }: { period: AuditPeriod }) {
  const audit = useApi('termlyAudit.run', { period });
  if (audit.error) return <LoadError error={audit.error} />;
  if (!audit.data) return <Loading what="the audit" />;
  const data = audit.data;
  return (
    <>
      <Title order={2} size="h2" mb={4}>
        {data.period.label}
      </Title>
      <Text size="sm" c="dimmed" mb="lg">
        {ukDate(data.period.from)} to {ukDate(data.period.to)}. Worked out at {ukDateTime(data.generatedAt)}
        {data.procedures.length > 0 ? `; escalations followed ${data.procedures.join('; ')}` : ''}.
      </Text>
      {data.counts.inAudit === 0 && data.timescales.late.length === 0 && data.learning.length === 0 ? (
        <Alert color="indigo" mb="lg" title="Nothing to audit in this period">
          No escalation was open, and no deadline fell due, between {ukDate(data.period.from)} and {ukDate(data.period.to)}. Choose another
          term, or check the term dates in Settings.
        </Alert>
      ) : null}
      <KeyFigures audit={data} />
      <RecordsCheck />
      <GovernorsPdf period={period} />
      <AuditCharts audit={data} />
      <RecordQuality audit={data} />
      <Timescales audit={data} />
      <EscalationsInAudit audit={data} />
      <Breakdown audit={data} />
      <Comparison audit={data} />
      <LearningPoints audit={data} />
      <Text size="xs" c="dimmed" mb="xl">
        An escalation is in the audit if it was open at any time in the period. {data.workingDaysNote}
      </Text>
    </>
  );
}
