import { Alert, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { AuditPeriod } from '../../../../shared/termly-audit/periods';
import { apiBridge } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useDocumentCalls } from '../../api/useDocumentCalls';
import { ukDateTime } from '../../format';

// The same audit as a PDF for the governing body: A4, marked OFFICIAL-SENSITIVE, kept in the file
// with its fingerprint like every document made, and open again exactly as it was made. For a
// governors' pack, children's names can be left out: initials and record references instead.

export function GovernorsPdf({ period }: { period: AuditPeriod }) {
  const made = useApi('termlyAudit.documents', {});
  const [leaveOutNames, setLeaveOutNames] = useState(true);
  const { busy, error, setError, run, open } = useDocumentCalls();
  const [saved, setSaved] = useState<string | null>(null);

  const make = async () => {
    setError(null);
    setSaved(null);
    const file = await run('make', () => apiBridge.call('termlyAudit.document', { period, leaveOutNames }));
    if (!file) return;
    setSaved(file.fileName);
    made.reload();
  };

  return (
    <Paper withBorder p="md" mb="xl" component="section" aria-labelledby="audit-pdf">
      <Title order={2} size="h4" mb="xs" id="audit-pdf">
        PDF for the governing body
      </Title>
      <Text size="sm" mb="sm">
        This audit as an A4 document marked OFFICIAL-SENSITIVE. Each one made is kept with its fingerprint, and making it is recorded.
      </Text>
      <Group align="flex-start" gap="lg" mb="xs">
        <Checkbox
          checked={leaveOutNames}
          onChange={(event) => setLeaveOutNames(event.currentTarget.checked)}
          label="Leave children’s names out (initials and record references instead)"
          description="Learning points are printed as written, with the children’s names replaced: read them before handing the pack out."
          maw={520}
        />
        <Button onClick={() => void make()} loading={busy === 'make'}>
          Make the PDF
        </Button>
      </Group>
      {error ? (
        <Alert color="red" role="alert" mt="sm">
          {error}
        </Alert>
      ) : null}
      {saved ? (
        <Alert color="green" role="status" mt="sm">
          Made and kept: {saved}
        </Alert>
      ) : null}
      {made.data && made.data.length > 0 ? (
        <Stack gap={4} mt="md">
          <Title order={3} size="h6">
            Made before
          </Title>
          {made.data.slice(0, 5).map((document) => (
            <Group key={document.id} justify="space-between" wrap="nowrap">
              <Text size="sm">
                {document.title}, made by {document.createdBy} on {ukDateTime(document.createdAt)}
              </Text>
              <Button
                size="xs"
                variant="subtle"
                loading={busy === document.id}
                onClick={() => void open(document.id)}
                aria-label={`Download ${document.title}, made on ${ukDateTime(document.createdAt)}`}
              >
                Download
              </Button>
            </Group>
          ))}
        </Stack>
      ) : null}
    </Paper>
  );
}
