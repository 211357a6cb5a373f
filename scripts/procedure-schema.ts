import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { PROCEDURE_SCHEMA_FILE, procedureJsonSchema } from '../shared/procedures/json-schema';

// Writes resources/procedure.schema.json from the procedure schema (npm run schema:procedure),
// formatted as the rest of the repository is. A unit test fails when the committed file is not
// what the schema generates.

const path = resolve('resources', PROCEDURE_SCHEMA_FILE);
const text = await format(JSON.stringify(procedureJsonSchema(), null, 2), { ...(await resolveConfig(path)), parser: 'json' });
writeFileSync(path, text);
console.log(`Wrote ${path}`);
