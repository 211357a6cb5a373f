import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  builtInProcedures,
  copyProcedure,
  getBuiltInProcedure,
  parseProcedure,
  sourceName,
  type Procedure,
} from '../../../shared/procedures';
import { procedureFileName, procedureFileText, readProcedureFile } from '../../../shared/procedures/file';
import type {
  chooseProcedureInput,
  copyProcedureInput,
  exportProcedureInput,
  getProcedureInput,
  importProcedureInput,
  saveProcedureInput,
  ProcedureFile,
  ProcedureSummary,
} from '../../../shared/schemas/procedures';
import { ApiFailure, fieldFailure } from '../../../shared/result';
import { getSettings, updateSettings } from '../../../db/queries/settings';
import type { ReadExecutor } from '../../../db/queries/executor';
import { insertProcedureVersion, listProcedureCopies, procedureBasedOn, procedureDefinition } from '../../../db/queries/procedure-versions';
import { audit, notFound, nowIso, type ReadContext, type ServiceContext } from './context';
import { procedureChanged } from './deadlines/upkeep';

// The setting's escalation procedure: one of the five built-ins, or an edited copy of one, or one
// imported from a procedure file. A copy is saved as a new version each time it changes; a version is
// never changed in place (the file refuses it), and each escalation keeps a snapshot of the version it
// was opened under. A procedure can be exported as a file, and a file imported: checked with the same
// schema, every problem listed by where it is, and always kept as a new procedure of the setting's
// own, so it can never replace a version already in use.

async function latestCopy(db: ReadExecutor, id: string, version?: number): Promise<Procedure | null> {
  const definition = await procedureDefinition(db, id, version);
  return definition === undefined ? null : parseProcedure(JSON.parse(definition));
}

async function loadProcedure(db: ReadExecutor, id: string, version?: number): Promise<Procedure | null> {
  const builtIn = getBuiltInProcedure(id);
  if (builtIn) return version === undefined || version === builtIn.version ? builtIn : null;
  return latestCopy(db, id, version);
}

/** A procedure's latest version (a built-in, or a copy's newest), or null when there is none. */
export async function latestProcedure(db: ReadExecutor, id: string): Promise<Procedure | null> {
  return loadProcedure(db, id);
}

/** The procedure new escalations follow, or null until the DSL chooses one. */
export async function settingProcedure(db: ReadExecutor): Promise<Procedure | null> {
  const settings = await getSettings(db);
  return settings.procedure_id ? loadProcedure(db, settings.procedure_id) : null;
}

function levelsOf(procedure: Procedure): ProcedureSummary['levelsOfNeed'] {
  return procedure.levelsOfNeed?.map(({ level, title }) => ({ level, title })) ?? null;
}

export async function listProcedures(ctx: ReadContext): Promise<ProcedureSummary[]> {
  const settings = await getSettings(ctx.db);
  const copies = await listProcedureCopies(ctx.db);
  const summaries: ProcedureSummary[] = builtInProcedures.map((procedure) => ({
    id: procedure.id,
    version: procedure.version,
    name: procedure.name,
    partnership: procedure.partnership,
    builtIn: true,
    basedOn: null,
    chosen: settings.procedure_id === procedure.id,
    source: sourceName(procedure),
    lastChecked: procedure.source.lastChecked,
    levelsOfNeed: levelsOf(procedure),
  }));
  for (const copy of copies) {
    const procedure = await latestCopy(ctx.db, copy.procedure_id);
    if (!procedure) continue;
    summaries.push({
      id: copy.procedure_id,
      version: procedure.version,
      name: procedure.name,
      partnership: procedure.partnership,
      builtIn: false,
      basedOn: copy.based_on,
      chosen: settings.procedure_id === copy.procedure_id,
      source: sourceName(procedure),
      lastChecked: procedure.source.lastChecked,
      levelsOfNeed: levelsOf(procedure),
    });
  }
  return summaries;
}

export async function getProcedure(ctx: ReadContext, input: z.output<typeof getProcedureInput>): Promise<Procedure> {
  const procedure = await loadProcedure(ctx.db, input.id, input.version);
  if (!procedure) throw notFound('This procedure');
  return procedure;
}

export async function copyProcedureAsNew(ctx: ServiceContext, input: z.output<typeof copyProcedureInput>): Promise<Procedure> {
  return ctx.db.transaction().execute(async (trx) => {
    const source = await loadProcedure(trx, input.fromId);
    if (!source) throw notFound('The procedure to copy');
    const copy = copyProcedure(source, `copy-${randomUUID()}`, input.name);
    await insertProcedureVersion(trx, {
      procedure_id: copy.id,
      version: copy.version,
      name: copy.name,
      definition: JSON.stringify(copy),
      based_on: source.id,
      created_by: ctx.user.id,
      created_at: nowIso(ctx.clock),
    });
    await audit(trx, ctx, 'procedure.copied', { type: 'procedure', id: copy.id }, `Copied ${source.name} as ${copy.name}`);
    return copy;
  });
}

export async function saveProcedure(ctx: ServiceContext, input: z.output<typeof saveProcedureInput>): Promise<Procedure> {
  const edited = input.procedure;
  if (getBuiltInProcedure(edited.id)) {
    throw new ApiFailure('conflict', 'A built-in procedure cannot be edited. Copy it first, then edit the copy.');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const current = await latestCopy(trx, edited.id);
    if (!current) throw notFound('This procedure');
    if (edited.version !== current.version) {
      throw fieldFailure(['procedure', 'version'], 'This procedure was changed since you opened it. Reopen it to see the latest version.');
    }
    const next: Procedure = { ...edited, builtIn: false, version: current.version + 1 };
    const chosen = (await getSettings(trx)).procedure_id === edited.id;
    await insertProcedureVersion(trx, {
      procedure_id: next.id,
      version: next.version,
      name: next.name,
      definition: JSON.stringify(next),
      based_on: await procedureBasedOn(trx, edited.id),
      created_by: ctx.user.id,
      created_at: nowIso(ctx.clock),
    });
    await audit(trx, ctx, 'procedure.saved', { type: 'procedure', id: next.id }, `Saved version ${next.version} of ${next.name}`);
    // The setting's own procedure: its referral timescales apply from now, to what is still owed.
    if (chosen) await procedureChanged(trx, ctx.clock, current.localTimescales, next.localTimescales);
    return next;
  });
}

export async function chooseProcedure(ctx: ServiceContext, input: z.output<typeof chooseProcedureInput>): Promise<Procedure> {
  return ctx.db.transaction().execute(async (trx) => {
    const procedure = await loadProcedure(trx, input.id);
    if (!procedure) throw notFound('This procedure');
    const before = await settingProcedure(trx);
    await updateSettings(trx, { procedure_id: procedure.id });
    await audit(trx, ctx, 'procedure.chosen', { type: 'procedure', id: procedure.id }, `Chose ${procedure.name} for new escalations`);
    // Its referral timescales apply from now, to what is still owed (escalations keep their own).
    await procedureChanged(trx, ctx.clock, before?.localTimescales ?? null, procedure.localTimescales);
    return procedure;
  });
}

/** A procedure (any version) as a file to save: exactly what an import reads back. */
export async function exportProcedure(ctx: ReadContext, input: z.output<typeof exportProcedureInput>): Promise<ProcedureFile> {
  const procedure = await loadProcedure(ctx.db, input.id, input.version);
  if (!procedure) throw notFound('This procedure');
  await ctx.logAccess(
    'procedure.exported',
    { type: 'procedure', id: procedure.id },
    `Exported version ${procedure.version} of ${procedure.name}`,
  );
  return { fileName: procedureFileName(procedure), mimeType: 'application/json', text: procedureFileText(procedure) };
}

/**
 * A procedure file, checked with the procedure schema and kept as a new procedure of the setting's
 * own (a new id, version 1, not built in), whatever id or version the file gives: importing can never
 * replace a version in use. Every problem is listed, each by its place in the file, in words.
 */
export async function importProcedure(ctx: ServiceContext, input: z.output<typeof importProcedureInput>): Promise<Procedure> {
  const read = readProcedureFile(input.text);
  if (!read.ok) {
    const count = read.problems.length;
    throw new ApiFailure(
      'invalid_input',
      `This procedure file cannot be used: ${count === 1 ? 'there is 1 problem' : `there are ${count} problems`}. Nothing was imported.`,
      { issues: read.problems },
    );
  }
  return ctx.db.transaction().execute(async (trx) => {
    const fromFile = read.procedure;
    const imported = copyProcedure(fromFile, `copy-${randomUUID()}`, fromFile.name);
    await insertProcedureVersion(trx, {
      procedure_id: imported.id,
      version: imported.version,
      name: imported.name,
      definition: JSON.stringify(imported),
      based_on: getBuiltInProcedure(fromFile.id) ? fromFile.id : null,
      created_by: ctx.user.id,
      created_at: nowIso(ctx.clock),
    });
    await audit(trx, ctx, 'procedure.imported', { type: 'procedure', id: imported.id }, `Imported ${imported.name} from a procedure file`);
    return imported;
  });
}
