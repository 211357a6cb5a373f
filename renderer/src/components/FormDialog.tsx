import { Button, Modal } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import type { ApiMethod } from '../../../shared/api';
import type { ApiForm } from '../api/useApiForm';
import { FormActions, FormFields } from './FormPaper';
import { refocusIfLost } from '../routing/screen-focus';

// A form in a dialog. The form itself (the component that calls useApiForm) is a child of the
// Modal, and a closed Mantine Modal unmounts its content (keepMounted is off): so the form, its
// values, its "When" and its one drafts.get exist only while the dialog is open, and every opening
// starts a fresh sitting. A dialog that owned its form above the Modal would keep the last record's
// text, and the time the page was loaded, for the next one.
// Closed, the focus goes back to the button that opened it (Mantine's returnFocus), or to the
// screen's heading when that button went with the change just saved.

export function FormDialog(props: { title: string; opened: boolean; onClose: () => void; children: ReactNode }) {
  // A dialog can also go with what it changed (Resolve, once the escalation is resolved), with no
  // closing transition: the focus it held must not be left on the page.
  useEffect(() => () => void window.setTimeout(refocusIfLost, 50), []);
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      size="xl"
      centered={false}
      keepMounted={false}
      onExitTransitionEnd={() => window.setTimeout(refocusIfLost, 0)}
    >
      {props.children}
    </Modal>
  );
}

/** The form inside a dialog: what went wrong, a restored draft, the fields, Cancel and the save button. */
export function DialogForm<V, M extends ApiMethod>(props: {
  form: ApiForm<V, M>;
  onCancel: () => void;
  submitLabel: string;
  danger?: boolean;
  children: ReactNode;
}) {
  const { form } = props;
  return (
    <form onSubmit={(event) => void form.submit(event)} onKeyDown={form.onKeyDown} noValidate>
      <FormFields form={form}>
        {props.children}
        <FormActions form={form} submitLabel={props.submitLabel} danger={props.danger}>
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
        </FormActions>
      </FormFields>
    </form>
  );
}
