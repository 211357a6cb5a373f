import { z } from 'zod';
import { procedureSchema } from './schema';

// The JSON Schema of a procedure file, generated from the zod schema the app itself checks
// procedures with (so the two cannot drift: a test compares the committed
// resources/procedure.schema.json with this). It lets a partnership write its procedure once, for
// all its schools, without the app's source. Some rules are checked only by the app, not by a JSON
// Schema validator (ids used twice, routing that goes back down the ladder, a track or contact that
// is not there): the app lists those too when the file is imported.

export const PROCEDURE_SCHEMA_FILE = 'procedure.schema.json';

export function procedureJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(procedureSchema, { io: 'input', target: 'draft-2020-12' });
  return {
    ...generated,
    $id: PROCEDURE_SCHEMA_FILE,
    title: 'Escalation Log: a safeguarding partnership’s escalation procedure',
    description:
      'One partnership’s escalation procedure for professional disagreements about a child’s safety: its tracks of stages, who acts at each stage for each kind of agency, its checklists, forms and stage targets, its local contacts and its own referral timescales (national timescales from Working Together to Safeguard Children 2023 are not part of it). Import it in Escalation Log under Settings, Procedure. Generated from the app’s own schema; the app also checks that ids are used once, that routing only moves up the ladder, and that every track, stage and contact named exists.',
  };
}
