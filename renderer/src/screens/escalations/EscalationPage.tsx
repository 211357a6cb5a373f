import { Title } from '@mantine/core';
import { useState } from 'react';
import type { EscalationDetail } from '../../../../shared/schemas/escalations';
import { can } from '../../../../shared/permissions';
import { useSession } from '../../api/session';
import { useApi } from '../../api/useApi';
import { LoadError, Loading } from '../../components/Page';
import { href } from '../../routing/router';
import { EscalationDialogs, type OpenDialog } from './dialogs/EscalationDialogs';
import { AgreedActions } from './sections/AgreedActions';
import { ConversationsAndDecisions } from './sections/ConversationsAndDecisions';
import { CurrentStage } from './sections/CurrentStage';
import { Disagreement } from './sections/Disagreement';
import { DocumentsPanel } from './sections/DocumentsPanel';
import { EscalationHeader } from './sections/EscalationHeader';
import { Outcome } from './sections/Outcome';
import { PartnershipForms } from './sections/PartnershipForms';
import { StageActions } from './sections/StageActions';
import { StageLadder } from './sections/StageLadder';

// One escalation: the stage ladder across the top, the current stage with its checklist and what
// can be done there, how it ended, what the partnership's forms say (recordable at any stage), its documents, every conversation and decision, the agreed
// actions, and the disagreement itself. Every write returns the whole escalation, which replaces
// what is shown.

export function EscalationPage({ id }: { id: string }) {
  const { status } = useSession();
  const escalation = useApi('escalations.get', { id });
  const [dialog, setDialog] = useState<OpenDialog>(null);
  if (escalation.error)
    return <LoadError error={escalation.error} back={{ href: href({ name: 'escalations' }), label: 'Back to escalations' }} />;
  if (!escalation.data) return <Loading what="the escalation" />;
  const e = escalation.data;
  const role = status.user.role;
  const open = e.status === 'open';
  const saved = (value: EscalationDetail) => {
    escalation.setData(value);
    setDialog(null);
  };

  return (
    <>
      <EscalationHeader escalation={e} />
      <Title order={2} size="h4" mb="xs">
        {e.track.title}
      </Title>
      <StageLadder ladder={e.ladder} />
      <div style={{ height: 16 }} />
      {open ? (
        <>
          <CurrentStage escalation={e} onChange={escalation.setData} canTickSteps={can(role, 'escalations.setStepDone')} />
          <StageActions escalation={e} role={role} onOpen={setDialog} />
        </>
      ) : null}
      <Outcome escalation={e} canReview={can(role, 'escalations.learningReview')} onReview={() => setDialog('review')} />
      <PartnershipForms escalation={e} canRecord={can(role, 'escalations.recordPartnership')} onSaved={escalation.setData} />
      <DocumentsPanel escalation={e} canMake={can(role, 'documents.forEscalation')} onMade={escalation.reload} />
      <ConversationsAndDecisions
        entries={e.entries}
        canAmend={can(role, 'escalations.amendEntry')}
        onAmend={(entryId) => setDialog({ amend: entryId })}
      />
      <AgreedActions
        actions={e.actions}
        canComplete={can(role, 'escalations.completeAction')}
        onComplete={(actionId) => setDialog({ complete: actionId })}
        canWithdraw={can(role, 'escalations.withdrawAction')}
        onWithdraw={(actionId) => setDialog({ withdraw: actionId })}
      />
      <Disagreement escalation={e} />
      <EscalationDialogs escalation={e} dialog={dialog} onClose={() => setDialog(null)} onSaved={saved} />
    </>
  );
}
