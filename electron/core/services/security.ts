import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { z } from 'zod';
import type { DocumentFile } from '../../../shared/api';
import { roleLabels } from '../../../shared/people/roles';
import type {
  auditLogDocumentInput,
  auditLogInput,
  AuditLogPage,
  IntegrityCheckView,
  KeyRotated,
  rotateKeyInput,
  SecurityStatus,
} from '../../../shared/schemas/security';
import { loadKeySlots } from '../../../db/vault';
import { countAuditRows, listAuditRows, type AuditFilter, type AuditRow } from '../../../db/queries/audit-log';
import { getKeyState } from '../../../db/queries/key-state';
import { listPeople } from '../../../db/queries/users';
import { getSettings } from '../../../db/queries/settings';
import type { OutsideQueue } from '../outside-queue';
import { AUDIT_LOG_TITLE, MAX_AUDIT_LOG_ROWS } from '../documents/audit-log';
import { owe, rotateOpenFile } from '../session/key-changes';
import { integrityWarning } from '../session/open-file';
import type { Session } from '../session/session';
import { nowIso, type SessionContext } from './context';
import { renderAndStore } from './documents';
import { checkRecordsIntegrity, recordFindings } from './integrity';

// Settings, Security, for the DSL: the records' key (its generation, replacing it on demand), what
// the checks at unlock found (and running them again now, every stored document's bytes too), and
// the audit log, read in pages filtered in SQL and exported as a PDF.

function checkView(session: Session): IntegrityCheckView | null {
  const last = session.lastIntegrity;
  if (!last) return null;
  return { at: last.at, findings: last.findings, auditEntries: last.rows, ms: last.ms, access: last.access };
}

export async function securityStatus(ctx: SessionContext): Promise<SecurityStatus> {
  const state = await getKeyState(ctx.db);
  const keys = loadKeySlots(ctx.session.paths).file;
  return {
    keyGeneration: state.generation,
    keyReplacedAt: state.rotatedAt,
    kdf: keys.kdf ?? null,
    lastCheck: checkView(ctx.session),
  };
}

/** The checks made at unlock, made again now, with every stored document's bytes read too. */
export async function checkNow(ctx: SessionContext): Promise<SecurityStatus> {
  const open = ctx.session.requireOpen();
  const report = await checkRecordsIntegrity(ctx.db, {
    keys: loadKeySlots(ctx.session.paths).file,
    sealKey: open.sealKey,
    documentBytes: true,
  });
  ctx.session.lastIntegrity = { ...report, at: nowIso(ctx.clock) };
  if (report.findings.length > 0) {
    await recordFindings(ctx.db, ctx, report.findings);
    const warning = integrityWarning(report.findings, true);
    if (!open.warnings.includes(warning)) open.warnings.push(warning);
  }
  return securityStatus(ctx);
}

const WHY: Record<z.output<typeof rotateKeyInput>['why'], string> = {
  'copy-taken': "Replaced the records' key because a copy of the records may have been taken.",
  routine: "Replaced the records' key.",
};

/** "I think a copy of the file was taken": the key replaced now, so a copy taken with its key file opens nothing recorded from now on. */
export async function rotateKeyNow(ctx: SessionContext, input: z.output<typeof rotateKeyInput>): Promise<KeyRotated> {
  await ctx.db
    .transaction()
    .execute((trx) => owe(trx, input.why === 'copy-taken' ? 'a copy of the records may have been taken' : 'asked for'));
  const done = await rotateOpenFile(ctx.session, { summary: WHY[input.why] });
  return { generation: done.generation, seconds: done.seconds, notCarried: done.notCarried };
}

/** The filters as the query takes them: dates as London days (inclusive), the person, the record. */
function filterOf(input: z.output<typeof auditLogDocumentInput>): AuditFilter {
  const nextDay = (date: string) => DateTime.fromISO(date, { zone: 'Europe/London' }).plus({ days: 1 }).toISODate() ?? date;
  return {
    ...(input.person !== undefined ? { actorId: input.person === 'none' ? null : input.person } : {}),
    ...(input.entityType && input.entityId ? { entity: { type: input.entityType, id: input.entityId } } : {}),
    ...(input.from ? { from: input.from } : {}),
    ...(input.to ? { to: nextDay(input.to) } : {}),
  };
}

function toEntry(row: AuditRow): AuditLogPage['entries'][number] {
  return {
    seq: row.seq,
    at: row.at,
    person: row.actorName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    summary: row.summary,
  };
}

/** A page of the audit log, newest first. Reading it is itself logged (the first page only, so paging does not fill the log). */
export async function auditLogPage(ctx: SessionContext, input: z.output<typeof auditLogInput>): Promise<AuditLogPage> {
  const pageSize = input.pageSize ?? 50;
  const filter = filterOf(input);
  const rows = await listAuditRows(ctx.db, { ...filter, ...(input.before !== undefined ? { before: input.before } : {}) }, pageSize + 1);
  const total = await countAuditRows(ctx.db, filter);
  const page = rows.slice(0, pageSize);
  const people = (await listPeople(ctx.db)).map((person) => ({ id: person.id, fullName: person.fullName }));
  if (input.before === undefined) await ctx.logAccess('audit.viewed', null, 'Looked at the audit log');
  return {
    entries: page.map(toEntry),
    total,
    nextBefore: rows.length > pageSize ? (page[page.length - 1]?.seq ?? null) : null,
    people,
  };
}

/** The audit log as a PDF (newest first, up to MAX_AUDIT_LOG_ROWS entries), kept in the file with its fingerprint like every document. */
export async function auditLogDocument(
  ctx: SessionContext,
  input: z.output<typeof auditLogDocumentInput>,
): Promise<OutsideQueue<DocumentFile & { id: string }>> {
  const filter = filterOf(input);
  const rows = await listAuditRows(ctx.db, filter, MAX_AUDIT_LOG_ROWS);
  const total = await countAuditRows(ctx.db, filter);
  const settings = await getSettings(ctx.db);
  const people = await listPeople(ctx.db);
  const personName = input.person === 'none' ? 'no one signed in' : people.find((person) => person.id === input.person)?.fullName;
  const generatedAt = nowIso(ctx.clock);
  const filters: string[] = [];
  if (personName) filters.push(`Person: ${personName}`);
  if (input.entityType && input.entityId) filters.push(`Record: ${input.entityType} ${input.entityId}`);
  if (input.from) filters.push(`From ${input.from}`);
  if (input.to) filters.push(`To ${input.to}`);
  const job = {
    document: 'audit-log' as const,
    input: {
      settingName: settings.setting_name,
      entries: rows.map(toEntry),
      total,
      filters,
      check: checkView(ctx.session),
      author: { name: ctx.user.fullName, role: roleLabels[ctx.user.role] },
      generatedAt,
    },
  };
  // The log's PDF is about itself: the entity it is kept under is its own id.
  const id = randomUUID();
  return renderAndStore(ctx, job, {
    id,
    childId: null,
    entity: { type: 'audit-log', id },
    kind: 'audit-log',
    title: AUDIT_LOG_TITLE,
    at: generatedAt,
  });
}
