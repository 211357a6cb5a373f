import { z } from 'zod';
import { procedureSchema } from '../procedures';
import { requiredText } from './common';

// Choosing, copying and editing the setting's escalation procedure.

const procedureId = z.string().trim().min(1, { message: 'Choose a procedure.' }).max(100);

export const getProcedureInput = z.object({ id: procedureId, version: z.number().int().positive().optional() }).strict();
export const chooseProcedureInput = z.object({ id: procedureId }).strict();
export const copyProcedureInput = z.object({ fromId: procedureId, name: requiredText('a name for the copy', 120) }).strict();
export const saveProcedureInput = z.object({ procedure: procedureSchema }).strict();
export const exportProcedureInput = z.object({ id: procedureId, version: z.number().int().positive().optional() }).strict();
/** A procedure file's text, as read from the file the DSL chose. */
export const importProcedureInput = z
  .object({
    text: z
      .string({ message: 'Choose a procedure file.' })
      .min(1, { message: 'The file is empty.' })
      .max(1_000_000, { message: 'The file is too large to be a procedure file (more than a million characters).' }),
  })
  .strict();

/** A procedure as a file, to save. */
export interface ProcedureFile {
  fileName: string;
  mimeType: 'application/json';
  text: string;
}

export interface ProcedureSummary {
  id: string;
  version: number;
  name: string;
  partnership: string;
  builtIn: boolean;
  basedOn: string | null;
  /** The procedure new escalations follow. */
  chosen: boolean;
  /** The document it is written from (title, year, publisher), and when it was last checked against it. */
  source: string;
  lastChecked: string | null;
  /** The partnership's own words for the levels of need, where the procedure gives them (Liverpool's LSCB levels). */
  levelsOfNeed: { level: number; title: string }[] | null;
}
