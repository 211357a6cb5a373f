import { Alert, Anchor, Badge } from '@mantine/core';
import type { EscalationDetail } from '../../../../../shared/schemas/escalations';
import { escalationStatusLabels } from '../../../../../shared/escalations/statuses';
import { PageHeader } from '../../../components/Page';
import { ukDate, ukDateTime } from '../../../format';
import { href } from '../../../routing/router';

// Whose escalation this is, with whom, under which procedure version (its partnership, with the
// partnership's current name where it has changed, and the document it is written from), its status,
// and why it began if that matters (an immediate referral made first, or a missed statutory timescale).

export function EscalationHeader({ escalation: e }: { escalation: EscalationDetail }) {
  const open = e.status === 'open';
  return (
    <>
      <PageHeader
        title={`Escalation: ${e.childName}`}
        subtitle={
          <>
            With {e.otherAgency.name} ({e.otherProfessional.name}, {e.otherProfessional.role}) · {e.categoryLabel} · {e.procedure.name},
            version {e.procedure.version}. <Anchor href={href({ name: 'child', id: e.childId })}>Open {e.childName}’s record</Anchor>
            <br />
            {e.procedure.partnership}. From: {e.procedure.source}
            {e.procedure.lastChecked ? ` (last checked ${ukDate(e.procedure.lastChecked)})` : ''}.
          </>
        }
        actions={
          <Badge size="lg" color={open ? 'indigo' : e.status === 'resolved' ? 'green' : 'gray'} variant="light">
            {escalationStatusLabels[e.status]}
          </Badge>
        }
      />
      {e.immediateRisk && e.immediateReferral ? (
        <Alert color="red" mb="md" title="Immediate risk">
          Referred to {e.immediateReferral.madeTo} at {ukDateTime(e.immediateReferral.madeAt)} before this escalation was opened.
        </Alert>
      ) : null}
      {e.referralId ? (
        <Alert color="orange" mb="md" title="A statutory timescale was missed">
          Opened because a milestone of <Anchor href={href({ name: 'referral', id: e.referralId })}>the referral</Anchor> was missed.
        </Alert>
      ) : null}
    </>
  );
}
