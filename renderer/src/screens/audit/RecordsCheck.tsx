import { Alert, Group, Loader, Paper, Text, Title } from '@mantine/core';
import { recordsIntactWords } from '../../../../shared/termly-audit/records-check-words';
import { useApi } from '../../api/useApi';
import { ukDateTime } from '../../format';

// The records check, in its own section under the figures: asked for only once the figures are on
// screen (it can take seconds the first time in a session on a large file), so they never wait for
// it. While it runs the section is aria-busy and says so; the same live region then says it is done,
// so a screen reader user hears the result without looking for it.

export function RecordsCheck() {
  const check = useApi('termlyAudit.recordsCheck', {});
  const checking = check.data === null && check.error === null;
  const found = check.data && check.data.findings.length > 0 ? check.data.findings : null;
  return (
    <Paper withBorder p="md" mb="xl" component="section" aria-labelledby="audit-records-check" aria-busy={checking}>
      <Title order={2} size="h4" mb="xs" id="audit-records-check">
        Records check
      </Title>
      <Text size="sm" mb="sm">
        Whether anything was changed outside Escalation Log: the audit log’s hash chain entry by entry, the protections that keep it and
        stored documents permanent, and every stored document against its fingerprint.
      </Text>
      <div role="status">
        {checking ? (
          <Group gap="sm">
            <Loader size="xs" />
            <Text size="sm">Checking the records…</Text>
          </Group>
        ) : check.data && !found ? (
          <Text size="sm">
            Checked at {ukDateTime(check.data.checkedAt)}: {recordsIntactWords(check.data)}.
          </Text>
        ) : check.data ? (
          <Text size="sm">Checked at {ukDateTime(check.data.checkedAt)}: signs that the records were changed outside Escalation Log.</Text>
        ) : (
          <Text size="sm">The records could not be checked.</Text>
        )}
      </div>
      {found ? (
        <Alert color="red" mt="sm" title="The records were changed outside Escalation Log">
          {found.join(' ')}
        </Alert>
      ) : null}
      {check.error ? (
        <Alert color="red" mt="sm">
          {check.error.message}
        </Alert>
      ) : null}
    </Paper>
  );
}
