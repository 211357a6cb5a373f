import { BarChart } from '@mantine/charts';
import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { plural } from '../../../../shared/deadlines';
import { timescaleRows } from '../../../../shared/termly-audit/rows';
import type { CountRow, TermlyAudit } from '../../../../shared/termly-audit/types';

// The four charts a person would rather look at than read: opened and resolved by month, the
// highest stage reached, time to resolution, and timescales met against late. Each has its numbers
// in words under it too, so nothing is told by colour alone and a screen reader hears the same.

function Figure({ id, title, words, children }: { id: string; title: string; words: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="figure" m={0} aria-labelledby={`${id}-title`} aria-describedby={`${id}-words`}>
      <Title order={3} size="h5" mb="sm" id={`${id}-title`}>
        {title}
      </Title>
      {/* The chart is a picture of the sentence below it: screen readers read the sentence. */}
      <div aria-hidden="true">{children}</div>
      <Text size="xs" mt="sm" component="figcaption" id={`${id}-words`}>
        {words}
      </Text>
    </Paper>
  );
}

/** Every chart is a picture of its words: no tooltip, and no keyboard stops of its own. */
const pictureOnly = { withTooltip: false, accessibilityLayer: false } as const;

/** Upright bars of whole numbers. */
const columns = { ...pictureOnly, h: 220, tickLine: 'y', yAxisProps: { allowDecimals: false } } as const;

/** Escalations counted by label ('Stage 2: 3 escalations; …'), or `none` when there are none. */
function countWords(rows: readonly CountRow[], none: string): string {
  return rows.length > 0 ? rows.map((row) => `${row.label}: ${plural(row.count, 'escalation')}`).join('; ') : none;
}

/** A chart of escalations counted by label. */
function CountChart({ data, xAxisLabel }: { data: CountRow[]; xAxisLabel?: string }) {
  return (
    <BarChart
      {...columns}
      data={data}
      dataKey="label"
      series={[{ name: 'count', label: 'Escalations', color: 'indigo.8' }]}
      xAxisLabel={xAxisLabel}
    />
  );
}

export function AuditCharts({ audit }: { audit: TermlyAudit }) {
  const timescales = timescaleRows(audit);
  return (
    <section aria-labelledby="audit-charts">
      <Title order={2} size="h3" mb="sm" id="audit-charts">
        Charts
      </Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" mb="xl">
        <Figure
          id="chart-months"
          title="Escalations opened and resolved, by month"
          words={audit.byMonth
            .map(
              (month) =>
                `${month.label}: ${month.opened} opened, ${month.resolved} resolved, ${month.closedUnresolved} closed without resolution`,
            )
            .join('; ')}
        >
          <BarChart
            {...columns}
            data={audit.byMonth}
            dataKey="label"
            series={[
              { name: 'opened', label: 'Opened', color: 'indigo.8' },
              { name: 'resolved', label: 'Resolved', color: 'cyan.5' },
              { name: 'closedUnresolved', label: 'Closed without resolution', color: 'gray.6' },
            ]}
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
          />
        </Figure>
        <Figure
          id="chart-stages"
          title="Highest stage reached by the end of the period"
          words={countWords(audit.byHighestStage, 'No escalations.')}
        >
          <CountChart data={audit.byHighestStage} />
        </Figure>
        <Figure
          id="chart-resolution"
          title="Time to resolution (escalations resolved in the period)"
          words={
            audit.resolution.resolvedCount > 0 ? countWords(audit.resolution.buckets, '') : 'No escalation was resolved in the period.'
          }
        >
          <CountChart
            data={audit.resolution.buckets.map((row) => ({ ...row, label: row.label.replace(' working days', '') }))}
            xAxisLabel="Working days"
          />
        </Figure>
        <Figure
          id="chart-timescales"
          title="Timescales: met on time, met late, still overdue"
          words={timescales.map((row) => `${row.label}: ${row.metOnTime} on time, ${row.metLate} late, ${row.overdue} overdue`).join('; ')}
        >
          <BarChart
            h={260}
            data={timescales}
            dataKey="label"
            type="stacked"
            orientation="vertical"
            series={[
              { name: 'metOnTime', label: 'Met on time', color: 'green.8' },
              { name: 'metLate', label: 'Met late', color: 'yellow.5' },
              { name: 'overdue', label: 'Still overdue', color: 'red.8' },
            ]}
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            yAxisProps={{ width: 170 }}
            xAxisProps={{ allowDecimals: false }}
            {...pictureOnly}
          />
        </Figure>
      </SimpleGrid>
    </section>
  );
}
