import type { EscalationDetail } from '../../../../../shared/schemas/escalations';

// What every escalation dialog is given. Each save returns the whole updated escalation, which the
// page shows in place of the old one as it closes the dialog.

export interface EscalationDialogProps {
  escalation: EscalationDetail;
  opened: boolean;
  onClose: () => void;
  onSaved: (escalation: EscalationDetail) => void;
}
