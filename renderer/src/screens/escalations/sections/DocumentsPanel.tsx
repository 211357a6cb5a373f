import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { EscalationDetail } from '../../../../../shared/schemas/escalations';
import { apiBridge } from '../../../api/client';
import { useDocumentCalls } from '../../../api/useDocumentCalls';
import { ukDateTime } from '../../../format';

// The escalation's documents: make the ones the record allows now, and open any made before
// (the stored copy, exactly as it was made).

export function DocumentsPanel({ escalation, canMake, onMade }: { escalation: EscalationDetail; canMake: boolean; onMade: () => void }) {
  const { busy, error, setError, run, open } = useDocumentCalls();

  const make = async (kind: EscalationDetail['availableDocuments'][number]['kind']) => {
    setError(null);
    if (await run(kind, () => apiBridge.call('documents.forEscalation', { escalationId: escalation.id, kind }))) onMade();
  };

  return (
    <Paper withBorder p="md" mb="lg" aria-labelledby="documents-heading">
      <Title order={2} size="h4" mb="xs" id="documents-heading">
        Documents
      </Title>
      {error ? (
        <Alert color="red" mb="sm" role="alert">
          {error}
        </Alert>
      ) : null}
      {canMake && escalation.availableDocuments.length > 0 ? (
        <Group mb="sm">
          {escalation.availableDocuments.map((document) => (
            <Button key={document.kind} variant="light" loading={busy === document.kind} onClick={() => void make(document.kind)}>
              Make the {document.title} (PDF)
            </Button>
          ))}
        </Group>
      ) : null}
      {escalation.documents.length === 0 ? (
        <Text size="sm" c="dimmed">
          No documents made yet. Each one made is kept here, exactly as it was made.
        </Text>
      ) : (
        <Stack gap={4}>
          {escalation.documents.map((document) => (
            <Group key={document.id} justify="space-between">
              <Text size="sm">
                {document.title}, made by {document.createdBy} on {ukDateTime(document.createdAt)}
              </Text>
              <Button size="xs" variant="subtle" loading={busy === document.id} onClick={() => void open(document.id)}>
                Download
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
