import { Card, SimpleGrid, Title } from '@mantine/core';
import type { EscalationDetail } from '../../../../../shared/schemas/escalations';
import { ukDateTime } from '../../../format';
import { Field } from './Field';

// The disagreement as it was opened: the concern, where the agencies agree and disagree, how it
// bears on the risk to the child, and the outcome sought.

export function Disagreement({ escalation: e }: { escalation: EscalationDetail }) {
  return (
    <>
      <Title order={2} size="h4" mb="xs">
        The disagreement
      </Title>
      <Card withBorder mb="lg">
        <SimpleGrid cols={2} spacing="md">
          <Field label="The concern" value={e.concern} />
          <Field label="How it bears on the risk to the child" value={e.riskRelevance} />
          <Field label="Areas of agreement" value={e.areasOfAgreement} />
          <Field label="Areas of disagreement" value={e.areasOfDisagreement} />
          <Field label="Outcome sought" value={e.outcomeSought} />
          <Field label="Opened" value={`${ukDateTime(e.openedAt)} by ${e.openedBy}`} />
        </SimpleGrid>
      </Card>
    </>
  );
}
