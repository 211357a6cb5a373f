import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { can } from '../../../shared/permissions';
import type { ChildRetention as Retention } from '../../../shared/schemas/retention';
import { useSession } from '../api/session';
import { useApi } from '../api/useApi';
import { useApiForm } from '../api/useApiForm';
import { ukDate } from '../format';
import { href } from '../routing/router';
import { DialogForm, FormDialog } from './FormDialog';

// A child's record: how long it is kept (the review date: date of birth plus 25 years, from the IRMS
// toolkit), any legal hold, and, for the Designated Safeguarding Lead, placing or lifting a hold
// and, after the review date, deleting the records with a reason.

function HoldForm({
  childId,
  lifting,
  onDone,
  onCancel,
}: {
  childId: string;
  lifting: boolean;
  onDone: (value: Retention) => void;
  onCancel: () => void;
}) {
  const toInput = useCallback((values: { reason: string }) => ({ childId, reason: values.reason }), [childId]);
  const form = useApiForm({
    method: lifting ? 'retention.liftHold' : 'retention.placeHold',
    initial: { reason: '' },
    toInput,
    onSuccess: onDone,
  });
  return (
    <DialogForm form={form} onCancel={onCancel} submitLabel={lifting ? 'Lift the legal hold' : 'Place the legal hold'}>
      <Textarea
        label={lifting ? 'Why the hold is lifted' : 'Why the records must be kept'}
        description={
          lifting
            ? 'For example: the inquiry has closed and has said so in writing.'
            : 'For example: the inquiry, its instruction and its date.'
        }
        required
        autosize
        minRows={2}
        {...form.bind('reason')}
      />
    </DialogForm>
  );
}

function DeleteForm({
  childId,
  fullName,
  onDone,
  onCancel,
}: {
  childId: string;
  fullName: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const toInput = useCallback((values: { reason: string; confirmName: string }) => ({ childId, ...values }), [childId]);
  const form = useApiForm({ method: 'retention.deleteChild', initial: { reason: '', confirmName: '' }, toInput, onSuccess: onDone });
  return (
    <DialogForm form={form} onCancel={onCancel} submitLabel="Delete these records for good" danger>
      <Alert color="red" role="alert">
        Everything recorded about {fullName} is deleted: referrals, escalations, conversations, actions, outcome statements, stored
        documents, amendments and drafts. This cannot be undone. The audit log keeps only that records were deleted, when, by whom and why.
        Backups made before today still hold the records until they are replaced.
      </Alert>
      <Textarea label="Why the records are being deleted" required autosize minRows={2} {...form.bind('reason')} />
      <TextInput label={`Type the child's full name (${fullName}) to confirm`} required autoComplete="off" {...form.bind('confirmName')} />
    </DialogForm>
  );
}

export function ChildRetention({ childId, fullName }: { childId: string; fullName: string }) {
  const { status } = useSession();
  const role = status.user.role;
  const retention = useApi('retention.forChild', { childId });
  const [dialog, setDialog] = useState<'hold' | 'lift' | 'delete' | null>(null);
  const [deleted, setDeleted] = useState(false);
  if (deleted) {
    return (
      <Alert color="green" role="status" title="Records deleted" mb="lg">
        The records are deleted. <a href={href({ name: 'children' })}>Back to the children</a>
      </Alert>
    );
  }
  if (!retention.data) return null;
  const data = retention.data;
  const close = () => setDialog(null);
  return (
    <Card withBorder mb="lg" aria-labelledby="retention-title">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} size="h5" id="retention-title">
            Keeping these records
          </Title>
          <Group gap="xs">
            <Text size="sm">Review date: {ukDate(data.reviewDate)}</Text>
            {data.hold ? (
              <Badge color="red" variant="light">
                Legal hold
              </Badge>
            ) : null}
            {data.pastReview && !data.hold ? (
              <Badge color="orange" variant="light">
                Review due
              </Badge>
            ) : null}
          </Group>
          <Text size="sm" c="dimmed">
            {data.reason}
          </Text>
          {data.hold ? (
            <Text size="sm">
              Legal hold placed {ukDate(data.hold.placedAt)} by {data.hold.placedBy}: {data.hold.reason}
            </Text>
          ) : null}
        </Stack>
        {can(role, 'retention.placeHold') ? (
          <Group gap="xs">
            {data.hold ? (
              <Button variant="default" size="xs" onClick={() => setDialog('lift')}>
                Lift the legal hold
              </Button>
            ) : (
              <Button variant="default" size="xs" onClick={() => setDialog('hold')}>
                Place a legal hold
              </Button>
            )}
            {data.canDelete ? (
              <Button color="red" variant="light" size="xs" onClick={() => setDialog('delete')}>
                Delete these records
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Group>
      <FormDialog
        title={dialog === 'lift' ? 'Lift the legal hold' : 'Place a legal hold'}
        opened={dialog === 'hold' || dialog === 'lift'}
        onClose={close}
      >
        <HoldForm
          childId={childId}
          lifting={dialog === 'lift'}
          onCancel={close}
          onDone={(value) => {
            retention.setData(value);
            close();
          }}
        />
      </FormDialog>
      <FormDialog title={`Delete the records of ${fullName}`} opened={dialog === 'delete'} onClose={close}>
        <DeleteForm
          childId={childId}
          fullName={fullName}
          onCancel={close}
          onDone={() => {
            close();
            setDeleted(true);
          }}
        />
      </FormDialog>
    </Card>
  );
}
