import { Anchor, Button } from '@mantine/core';
import type { Role } from '../../../shared/people/roles';
import { can } from '../../../shared/permissions';
import { href } from '../routing/router';

// What to do about a statutory milestone another agency missed, wherever it is shown (the
// dashboard, the referral): see the escalation already opened about it, or open one, pre-filled
// from the referral. Opening one is offered only to someone who may record it.

export function MissedMilestoneAction({
  missed,
  childId,
  role,
}: {
  missed: { referralId: string; milestone: string; escalationId: string | null };
  childId: string;
  role: Role;
}) {
  if (missed.escalationId) {
    return (
      <Anchor href={href({ name: 'escalation', id: missed.escalationId })} size="sm">
        Escalation opened: see it
      </Anchor>
    );
  }
  if (!can(role, 'escalations.open')) return null;
  return (
    <Button
      size="xs"
      color="red"
      variant="light"
      // In a narrow table column its words wrap rather than push the table off the window.
      styles={{
        root: { height: 'auto', minHeight: 'var(--button-height)', paddingBlock: 4, width: 'fit-content', maxWidth: '100%' },
        label: { whiteSpace: 'normal' },
      }}
      component="a"
      href={href({ name: 'escalation-new', childId, referralId: missed.referralId, milestone: missed.milestone })}
    >
      Escalate this missed timescale
    </Button>
  );
}
