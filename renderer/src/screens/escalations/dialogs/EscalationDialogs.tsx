import type { EscalationDetail } from '../../../../../shared/schemas/escalations';
import { AddActionDialog } from './AddActionDialog';
import { AmendEntryDialog } from './AmendEntryDialog';
import { CloseUnresolvedDialog } from './CloseUnresolvedDialog';
import { CompleteActionDialog } from './CompleteActionDialog';
import { EscalateDialog } from './EscalateDialog';
import { LearningReviewDialog } from './LearningReviewDialog';
import { RecordEntryDialog } from './RecordEntryDialog';
import { ResolveDialog } from './ResolveDialog';
import { WithdrawActionDialog } from './WithdrawActionDialog';

// The escalation page's dialogs, at most one open at a time. Each mounts its form only while it is
// open (see FormDialog), so the closed ones cost nothing and ask the core for nothing.

/** Which dialog is open: one of the stage's forms, or one about a particular action or record. */
export type OpenDialog =
  | 'entry'
  | 'action'
  | 'escalate'
  | 'skip'
  | 'resolve'
  | 'close'
  | 'review'
  | { complete: string }
  | { withdraw: string }
  | { amend: string }
  | null;

export function EscalationDialogs({
  escalation,
  dialog,
  onClose,
  onSaved,
}: {
  escalation: EscalationDetail;
  dialog: OpenDialog;
  onClose: () => void;
  onSaved: (escalation: EscalationDetail) => void;
}) {
  const common = { escalation, onClose, onSaved };
  const amending =
    dialog && typeof dialog === 'object' && 'amend' in dialog ? escalation.entries.find((entry) => entry.id === dialog.amend) : undefined;
  const completing =
    dialog && typeof dialog === 'object' && 'complete' in dialog
      ? escalation.actions.find((action) => action.id === dialog.complete)
      : undefined;
  const withdrawing =
    dialog && typeof dialog === 'object' && 'withdraw' in dialog
      ? escalation.actions.find((action) => action.id === dialog.withdraw)
      : undefined;
  return (
    <>
      {escalation.status === 'open' ? (
        <>
          <RecordEntryDialog {...common} opened={dialog === 'entry'} />
          <AddActionDialog {...common} opened={dialog === 'action'} />
          <EscalateDialog {...common} opened={dialog === 'escalate' || dialog === 'skip'} straightToLater={dialog === 'skip'} />
          <ResolveDialog {...common} opened={dialog === 'resolve'} />
          <CloseUnresolvedDialog {...common} opened={dialog === 'close'} />
        </>
      ) : (
        <LearningReviewDialog {...common} opened={dialog === 'review'} />
      )}
      {completing ? (
        <CompleteActionDialog action={completing} childName={escalation.childName} opened onClose={onClose} onSaved={onSaved} />
      ) : null}
      {withdrawing ? (
        <WithdrawActionDialog action={withdrawing} childName={escalation.childName} opened onClose={onClose} onSaved={onSaved} />
      ) : null}
      {amending ? <AmendEntryDialog entry={amending} childName={escalation.childName} opened onClose={onClose} onSaved={onSaved} /> : null}
    </>
  );
}
