import { Alert, Button, Card, List, SimpleGrid, Text, Title } from '@mantine/core';
import type { EscalationDetail } from '../../../../../shared/schemas/escalations';
import { ukDate, ukDateTime } from '../../../format';
import { Field } from './Field';

// How the escalation ended: the written statement of the outcome (or why it was closed without
// one), then the learning review, or a prompt to record it.

export function Outcome({
  escalation: e,
  canReview,
  onReview,
}: {
  escalation: EscalationDetail;
  canReview: boolean;
  onReview: () => void;
}) {
  return (
    <>
      {e.resolution ? (
        <Card withBorder mb="lg" bg="var(--mantine-color-green-0)">
          <Title order={2} size="h4" mb="xs">
            Written statement of the outcome
          </Title>
          <Text className="prewrap">{e.resolution.outcomeStatement}</Text>
          <Text size="sm" mt="xs">
            <strong>Consequent actions:</strong> {e.resolution.consequentActions}
          </Text>
          <Text size="sm" mt="xs">
            <strong>Agreed</strong> on {ukDateTime(e.resolution.resolvedAt)} (recorded by {e.resolution.recordedBy}) by:
          </Text>
          {/* One agency a line: a name may itself hold a comma. */}
          <List size="sm" aria-label="Agencies that agreed the statement">
            {e.resolution.agreedBy.map((agency, index) => (
              <List.Item key={index}>{agency}</List.Item>
            ))}
          </List>
        </Card>
      ) : null}
      {e.status === 'closed-unresolved' ? (
        <Alert color="gray" mb="lg" title="Closed without resolution">
          {e.closedReason} ({ukDateTime(e.closedAt)})
        </Alert>
      ) : null}
      {e.status !== 'open' && !e.learningReview && canReview ? (
        <Alert color="indigo" mb="lg" title="Learning review">
          <Text size="sm" mb="xs">
            Review what went well and what did not, and any policy or practice issues to raise with the partnership.
          </Text>
          <Button size="xs" onClick={onReview}>
            Record the learning review
          </Button>
        </Alert>
      ) : null}
      {e.learningReview ? (
        <Card withBorder mb="lg">
          <Title order={2} size="h4" mb="xs">
            Learning review
          </Title>
          <SimpleGrid cols={3}>
            <Field label="What went well" value={e.learningReview.wentWell} />
            <Field label="What did not go well" value={e.learningReview.wentBadly} />
            <Field label="Issues for the partnership" value={e.learningReview.issuesForPartnership} />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt="xs">
            Reviewed by {e.learningReview.reviewedBy} on {ukDate(e.learningReview.reviewedAt)}
            {e.learningReview.reportedToPartnershipAt
              ? `; reported to the partnership ${ukDate(e.learningReview.reportedToPartnershipAt)}`
              : '; not yet reported to the partnership'}
          </Text>
        </Card>
      ) : null}
    </>
  );
}
