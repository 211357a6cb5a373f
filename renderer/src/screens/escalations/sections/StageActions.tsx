import { Button, Group } from '@mantine/core';
import type { EscalationDetail } from '../../../../../shared/schemas/escalations';
import type { Role } from '../../../../../shared/people/roles';
import { can } from '../../../../../shared/permissions';
import type { OpenDialog } from '../dialogs/EscalationDialogs';

// What can be done at the current stage, each button shown only to someone the core would let do it.

export function StageActions({
  escalation,
  role,
  onOpen,
}: {
  escalation: EscalationDetail;
  role: Role;
  onOpen: (dialog: OpenDialog) => void;
}) {
  const next = escalation.current?.next;
  const buttons = [
    can(role, 'escalations.recordEntry') ? (
      <Button key="entry" onClick={() => onOpen('entry')}>
        Record a conversation or decision
      </Button>
    ) : null,
    can(role, 'escalations.addAction') ? (
      <Button key="action" variant="light" onClick={() => onOpen('action')}>
        Agree an action
      </Button>
    ) : null,
    next && can(role, 'escalations.escalate') ? (
      <Button key="escalate" variant="light" color="orange" onClick={() => onOpen('escalate')}>
        Escalate to {next.label}
      </Button>
    ) : null,
    // Only where the procedure allows it from this stage (its skip rules, in the policy's words).
    (escalation.current?.skipTo.length ?? 0) > 0 && can(role, 'escalations.escalate') ? (
      <Button key="skip" variant="light" color="orange" onClick={() => onOpen('skip')}>
        Go straight to a later stage
      </Button>
    ) : null,
    can(role, 'escalations.resolve') ? (
      <Button key="resolve" variant="light" color="green" onClick={() => onOpen('resolve')}>
        Resolve with a written statement of the outcome
      </Button>
    ) : null,
    can(role, 'escalations.closeUnresolved') ? (
      <Button key="close" variant="subtle" color="red" onClick={() => onOpen('close')}>
        Close without resolution
      </Button>
    ) : null,
  ].filter((button) => button !== null);
  return buttons.length > 0 ? <Group mb="lg">{buttons}</Group> : null;
}
