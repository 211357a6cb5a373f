import { Button, Group, Paper, Stack, type GroupProps, type PaperProps } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ApiMethod } from '../../../shared/api';
import type { ApiForm } from '../api/useApiForm';
import { DraftNotice } from './DraftNotice';
import { FormError } from './Page';

// The pieces every record form on a page is made of (a form in a dialog is DialogForm, in
// FormDialog.tsx, built on the last two).

/**
 * A form on the page in a bordered panel: sent through useApiForm, and Enter in a one-line field
 * never saves it (form.onKeyDown). Everything else (padding, width, its label) as a Paper takes it.
 */
export function FormPaper<V, M extends ApiMethod>({
  form,
  children,
  ...paper
}: PaperProps & { form: ApiForm<V, M>; children: ReactNode; 'aria-labelledby'?: string }) {
  return (
    <Paper withBorder component="form" onSubmit={(event) => void form.submit(event)} onKeyDown={form.onKeyDown} noValidate {...paper}>
      {children}
    </Paper>
  );
}

/**
 * What went wrong, a restored draft, then the fields: made afresh whenever the values are replaced
 * from outside them (a draft restored or discarded, a fresh start after a save).
 */
export function FormFields<V, M extends ApiMethod>({ form, children }: { form: ApiForm<V, M>; children: ReactNode }) {
  return (
    <>
      <FormError error={form.formError} />
      <DraftNotice restoredAt={form.restoredDraftAt} onDiscard={form.discardDraft} />
      <Stack key={form.draftGeneration}>{children}</Stack>
    </>
  );
}

/**
 * A form's buttons, in a row at its right (or where `justify` says): what else there is to do (a
 * Cancel), then the save button, busy while the form is being sent; red for a form that takes
 * something away.
 */
export function FormActions<V, M extends ApiMethod>({
  form,
  submitLabel,
  danger,
  justify = 'flex-end',
  children,
}: {
  form: ApiForm<V, M>;
  submitLabel: string;
  danger?: boolean;
  justify?: GroupProps['justify'];
  children?: ReactNode;
}) {
  return (
    <Group justify={justify}>
      {children}
      <Button type="submit" loading={form.submitting} color={danger ? 'red' : undefined}>
        {submitLabel}
      </Button>
    </Group>
  );
}
