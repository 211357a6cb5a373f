import { z } from 'zod';
import { procedureSchema } from '../procedures';
import { requiredText } from './common';

// Choosing, copying and editing the setting's escalation procedure.

const procedureId = z.string().trim().min(1, { message: 'Choose a procedure.' }).max(100);

export const getProcedureInput = z.object({ id: procedureId, version: z.number().int().positive().optional() }).strict();
export const chooseProcedureInput = z.object({ id: procedureId }).strict();
export const copyProcedureInput = z.object({ fromId: procedureId, name: requiredText('a name for the copy', 120) }).strict();
export const saveProcedureInput = z.object({ procedure: procedureSchema }).strict();

export interface ProcedureSummary {
  id: string;
  version: number;
  name: string;
  partnership: string;
  builtIn: boolean;
  basedOn: string | null;
  /** The procedure new escalations follow. */
  chosen: boolean;
}
