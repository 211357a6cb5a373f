import { Alert, Anchor, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { EscalationLine, QualityGap, TermlyAudit } from '../../../../shared/termly-audit/types';
import { plural } from '../../../../shared/deadlines';
import { recordHref } from './links';

// What is missing from the records of the escalations in the audit, escalation by escalation, each
// gap with what to do and a link to the record where it is done.

function GapItem({ gap }: { gap: QualityGap }) {
  return (
    <List.Item>
      <Text size="sm">{gap.what}</Text>
      <Text size="sm" c="dimmed">
        {gap.fix}{' '}
        <Anchor underline="always" href={recordHref(gap.record)} size="sm" fw={600}>
          {gap.record.link.type === 'child' ? `Open ${gap.record.childName}’s record` : `Fix this in ${gap.record.reference}`}
        </Anchor>
      </Text>
    </List.Item>
  );
}

export function RecordQuality({ audit }: { audit: TermlyAudit }) {
  const byEscalation = new Map<string, QualityGap[]>();
  for (const gap of audit.gaps) byEscalation.set(gap.record.reference, [...(byEscalation.get(gap.record.reference) ?? []), gap]);
  const withGaps = audit.escalations.filter((line: EscalationLine) => byEscalation.has(line.record.reference));
  return (
    <section aria-labelledby="audit-quality">
      <Title order={2} size="h3" mb="xs" id="audit-quality">
        Record quality ({plural(audit.gaps.length, 'gap')})
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        The escalations in this audit as their records stand now. Each gap says what to do, with a link to the record.
      </Text>
      <Table withTableBorder mb="md" aria-label="Gaps by kind" maw={640}>
        <Table.Tbody>
          {audit.gapCounts.map((row) => (
            <Table.Tr key={row.kind}>
              <Table.Td>{row.label}</Table.Td>
              <Table.Td ta="right" w={80}>
                {row.count}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {withGaps.length === 0 ? (
        <Alert color="green" title="No gaps found" mb="xl">
          Every escalation in this audit has its conversations, decisions, rationale, outcome and learning review recorded.
        </Alert>
      ) : (
        <Stack gap="sm" mb="xl" component="ul" p={0} m={0}>
          {withGaps.map((line) => {
            const gaps = byEscalation.get(line.record.reference) ?? [];
            return (
              <Paper key={line.record.reference} withBorder p="sm" component="li" style={{ listStyle: 'none' }}>
                <Group justify="space-between" wrap="nowrap" align="flex-start" mb={4}>
                  <Text fw={700} size="sm">
                    <Anchor underline="always" href={recordHref(line.record)} fw={700} size="sm">
                      {line.record.childName}: {line.categoryLabel}
                    </Anchor>{' '}
                    <Text span size="sm" c="dimmed" fw={400}>
                      ({line.record.reference}, with {line.agencyName})
                    </Text>
                  </Text>
                  <Text size="sm" fw={600} style={{ minWidth: 'max-content' }}>
                    {plural(gaps.length, 'gap')}
                  </Text>
                </Group>
                <List size="sm" spacing={4}>
                  {gaps.map((gap) => (
                    <GapItem key={gap.key} gap={gap} />
                  ))}
                </List>
              </Paper>
            );
          })}
        </Stack>
      )}
    </section>
  );
}
