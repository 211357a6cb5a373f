import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { DocumentFile } from '../../../shared/api';
import type { childChronologyInput, generateEscalationDocumentInput, getDocumentInput } from '../../../shared/schemas/documents';
import { childTimeline } from './timeline';
import { roleLabels } from '../../../shared/people/roles';
import { childFullName } from '../../../shared/schemas/children';
import { ApiFailure } from '../../../shared/result';
import { findChild } from '../../../db/queries/children';
import { findDocumentContent, insertDocument } from '../../../db/queries/documents';
import { getSettings } from '../../../db/queries/settings';
import type { DocumentJob } from '../documents/jobs';
import { outsideQueue, type OutsideQueue } from '../outside-queue';
import { audit, notFound, nowIso, type ReadContext, type ServiceContext } from './context';
import { getEscalation } from './escalations/read';

// Making an escalation's documents. Every document made is kept in the encrypted file with its
// SHA-256, who made it and when, so the copy sent can always be shown again exactly.
// Each is made in three steps: what it is made from is read inside the dispatcher's queue; the PDF
// is rendered outside it (it takes seconds, and a Lock must not wait for it); the document is
// stored inside the queue again, only if the same sitting is still open.

/** A document's reference: the first eight characters of its id, in capitals. */
export function documentReference(id: string): string {
  return id.replace(/-/g, '').slice(0, 8).toUpperCase();
}

/**
 * The name a made document is saved under: what it is, the date and its reference, never whom it
 * is about (file names land in Recent files, search indexes and backups, outside the encrypted file).
 */
export function neutralFileName(title: string, at: string, id: string): string {
  const date = at.slice(0, 10).split('-').reverse().join('-');
  return `${title} - ${date} - ref ${documentReference(id)}.pdf`.replace(/[\\/:*?"<>|]/g, '-');
}

export async function generateEscalationDocument(
  ctx: ServiceContext,
  input: z.output<typeof generateEscalationDocumentInput>,
): Promise<OutsideQueue<DocumentFile & { id: string }>> {
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
  const job = {
    document: input.kind,
    input: {
      escalation,
      child: {
        fullName: childFullName({ firstName: child.first_name, lastName: child.last_name }),
        dateOfBirth: child.date_of_birth,
        classOrYear: child.class_or_year,
      },
      settingName: settings.setting_name,
      author: { name: ctx.user.fullName, role: roleLabels[ctx.user.role] },
      generatedAt,
    },
  };
  return renderAndStore(ctx, job, {
    childId: escalation.childId,
    entity: { type: 'escalation', id: escalation.id },
    kind: input.kind,
    title: available.title,
    at: generatedAt,
  });
}

/** What a document to be made is, and when: kept with it when stored. */
interface DocumentToMake {
  /** Its id when the record it is about is the document itself; else a new one. */
  id?: string;
  childId: string | null;
  entity: { type: string; id: string };
  kind: string;
  title: string;
  /** What its file name says it is, when that is not its title. */
  nameTitle?: string;
  at: string;
}

/**
 * Every made document's last two steps: the PDF rendered outside the dispatcher's queue, then, inside
 * it again (only if the same sitting is still open), stored with its fingerprint and audited, and
 * answered as a file under a neutral name carrying its reference.
 */
export function renderAndStore(ctx: ReadContext, job: DocumentJob, document: DocumentToMake): OutsideQueue<DocumentFile & { id: string }> {
  const { nameTitle, ...stored } = document;
  const id = document.id ?? randomUUID();
  const fileName = neutralFileName(nameTitle ?? document.title, document.at, id);
  return outsideQueue(async () => {
    const pdf = await ctx.renderDocument(job);
    return async (context) => {
      await storeDocument(context(), { ...stored, id, fileName, pdf });
      return { id, fileName, mimeType: 'application/pdf', base64: pdf.toString('base64') };
    };
  });
}

/** Stores a made document with its fingerprint, and audits it, in one transaction. */
export async function storeDocument(
  ctx: ServiceContext,
  document: {
    /** The document's id when it was chosen before rendering (its reference is in the file name); else a new one. */
    id?: string;
    childId: string | null;
    entity: { type: string; id: string };
    kind: string;
    title: string;
    fileName: string;
    pdf: Buffer;
    at: string;
  },
): Promise<string> {
  const id = document.id ?? randomUUID();
  const sha256 = createHash('sha256').update(document.pdf).digest('hex');
  await ctx.db.transaction().execute(async (trx) => {
    await insertDocument(trx, {
      id,
      child_id: document.childId,
      entity_type: document.entity.type,
      entity_id: document.entity.id,
      kind: document.kind,
      title: document.title,
      file_name: document.fileName,
      sha256,
      content: document.pdf,
      created_by: ctx.user.id,
      created_at: document.at,
    });
    // The fingerprint goes into the audit chain too: a document swapped with a matching stored hash is caught against it.
    await audit(trx, ctx, 'document.made', { type: 'document', id }, `Made: ${document.title}`, sha256);
  });
  return id;
}

export async function makeChildChronology(
  ctx: ServiceContext,
  input: z.output<typeof childChronologyInput>,
): Promise<OutsideQueue<DocumentFile & { id: string }>> {
  const child = await findChild(ctx.db, input.childId);
  if (!child) throw notFound("This child's record");
  const items = await childTimeline(ctx, input.childId);
  const settings = await getSettings(ctx.db);
  const generatedAt = nowIso(ctx.clock);
  const fullName = childFullName({ firstName: child.first_name, lastName: child.last_name });
  const job = {
    document: 'chronology' as const,
    input: {
      child: { fullName, dateOfBirth: child.date_of_birth, classOrYear: child.class_or_year },
      items: items.filter((item) => item.kind !== 'document'),
      settingName: settings.setting_name,
      author: { name: ctx.user.fullName, role: roleLabels[ctx.user.role] },
      generatedAt,
    },
  };
  return renderAndStore(ctx, job, {
    childId: child.id,
    entity: { type: 'child', id: child.id },
    kind: 'chronology',
    title: 'Escalation chronology',
    at: generatedAt,
  });
}

export async function getStoredDocument(ctx: ReadContext, input: z.output<typeof getDocumentInput>): Promise<DocumentFile> {
  const row = await findDocumentContent(ctx.db, input.id);
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
