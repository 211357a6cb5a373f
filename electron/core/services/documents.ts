import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { DocumentFile } from '../../../shared/api';
import type {
  childChronologyInput,
  generateEscalationDocumentInput,
  getDocumentInput,
  EscalationDocumentKind,
} from '../../../shared/schemas/documents';
import { childChronology } from '../documents/chronology';
import { childTimeline } from './timeline';
import { roleLabels } from '../../../shared/schemas/session';
import { childFullName } from '../../../shared/schemas/children';
import { ApiFailure } from '../../../shared/result';
import { findChild } from '../../../db/queries/children';
import { getSettings } from '../../../db/queries/settings';
import { renderPdf } from '../documents/pdf';
import {
  cscpEscalationNotification,
  liverpoolReportToLscb,
  outcomeStatement,
  writtenConcern,
  type EscalationDocumentInput,
} from '../documents/escalation-documents';
import { audit, notFound, nowIso, type ReadContext, type ServiceContext } from './context';
import { getEscalation } from './escalations/read';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

// Making an escalation's documents. Every document made is kept in the encrypted file with its
// SHA-256, who made it and when, so the copy sent can always be shown again exactly.

const builders: Record<EscalationDocumentKind, (input: EscalationDocumentInput) => TDocumentDefinitions> = {
  'written-concern': writtenConcern,
  'written-statement-of-outcome': outcomeStatement,
  'liverpool-report-to-lscb': liverpoolReportToLscb,
  'cscp-escalation-notification': cscpEscalationNotification,
};

function fileName(title: string, childName: string, at: string): string {
  const date = at.slice(0, 10).split('-').reverse().join('-');
  return `${title} - ${childName} - ${date}.pdf`.replace(/[\\/:*?"<>|]/g, '-');
}

export async function generateEscalationDocument(
  ctx: ServiceContext,
  input: z.output<typeof generateEscalationDocumentInput>,
): Promise<DocumentFile & { id: string }> {
  const escalation = await getEscalation(ctx, input.escalationId);
  const available = escalation.availableDocuments.find((document) => document.kind === input.kind);
  if (!available) {
    throw new ApiFailure(
      'conflict',
      input.kind === 'written-statement-of-outcome'
        ? 'The written statement of the outcome can be made once the escalation is resolved.'
        : input.kind === 'written-concern'
          ? 'A written concern can only be made while the escalation is open.'
          : 'This procedure does not call for that form at the stages reached so far.',
    );
  }
  const child = await findChild(ctx.db, escalation.childId);
  if (!child) throw notFound("This child's record");
  const settings = await getSettings(ctx.db);
  const generatedAt = nowIso(ctx.clock);
  const pdf = await renderPdf(
    builders[input.kind]({
      escalation,
      child: {
        fullName: childFullName({ firstName: child.first_name, lastName: child.last_name }),
        dateOfBirth: child.date_of_birth,
        classOrYear: child.class_or_year,
      },
      settingName: settings.setting_name,
      author: { name: ctx.user.fullName, role: roleLabels[ctx.user.role] },
      generatedAt,
    }),
    { fontsDir: ctx.fontsDir },
  );
  const name = fileName(available.title, escalation.childName, generatedAt);
  const id = await storeDocument(ctx, {
    childId: escalation.childId,
    entity: { type: 'escalation', id: escalation.id },
    kind: input.kind,
    title: available.title,
    fileName: name,
    pdf,
    at: generatedAt,
  });
  return { id, fileName: name, mimeType: 'application/pdf', base64: pdf.toString('base64') };
}

/** Stores a made document with its fingerprint, and audits it, in one transaction. */
async function storeDocument(
  ctx: ServiceContext,
  document: {
    childId: string;
    entity: { type: string; id: string };
    kind: string;
    title: string;
    fileName: string;
    pdf: Buffer;
    at: string;
  },
): Promise<string> {
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('documents')
      .values({
        id,
        child_id: document.childId,
        entity_type: document.entity.type,
        entity_id: document.entity.id,
        kind: document.kind,
        title: document.title,
        file_name: document.fileName,
        sha256: createHash('sha256').update(document.pdf).digest('hex'),
        content: document.pdf,
        created_by: ctx.user.id,
        created_at: document.at,
      })
      .execute();
    await audit(trx, ctx, 'document.made', { type: 'document', id }, `Made: ${document.title}`);
  });
  return id;
}

export async function makeChildChronology(
  ctx: ServiceContext,
  input: z.output<typeof childChronologyInput>,
): Promise<DocumentFile & { id: string }> {
  const child = await findChild(ctx.db, input.childId);
  if (!child) throw notFound("This child's record");
  const items = await childTimeline(ctx, input.childId);
  const settings = await getSettings(ctx.db);
  const generatedAt = nowIso(ctx.clock);
  const fullName = childFullName({ firstName: child.first_name, lastName: child.last_name });
  const pdf = await renderPdf(
    childChronology({
      child: { fullName, dateOfBirth: child.date_of_birth, classOrYear: child.class_or_year },
      items: items.filter((item) => item.kind !== 'document'),
      settingName: settings.setting_name,
      author: { name: ctx.user.fullName, role: roleLabels[ctx.user.role] },
      generatedAt,
    }),
    { fontsDir: ctx.fontsDir },
  );
  const title = 'Escalation chronology';
  const name = fileName(title, fullName, generatedAt);
  const id = await storeDocument(ctx, {
    childId: child.id,
    entity: { type: 'child', id: child.id },
    kind: 'chronology',
    title,
    fileName: name,
    pdf,
    at: generatedAt,
  });
  return { id, fileName: name, mimeType: 'application/pdf', base64: pdf.toString('base64') };
}

export async function getStoredDocument(ctx: ReadContext, input: z.output<typeof getDocumentInput>): Promise<DocumentFile> {
  const row = await ctx.db.selectFrom('documents').select(['file_name', 'content', 'sha256']).where('id', '=', input.id).executeTakeFirst();
  if (!row) throw notFound('This document');
  if (createHash('sha256').update(row.content).digest('hex') !== row.sha256) {
    throw new ApiFailure(
      'damaged_file',
      'This stored document does not match the fingerprint taken when it was made. It may have been damaged.',
    );
  }
  await ctx.logAccess('document.opened', { type: 'document', id: input.id }, 'Opened a stored document');
  return { fileName: row.file_name, mimeType: 'application/pdf', base64: Buffer.from(row.content).toString('base64') };
}
