import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtInProcedures, copyProcedure, getBuiltInProcedure, parseProcedure, type Procedure } from '../../../shared/procedures';
import { procedureFileName, procedureFileText, readProcedureFile } from '../../../shared/procedures/file';
import { procedureJsonSchema } from '../../../shared/procedures/json-schema';
import { call, ok, setUpCore } from '../../../scripts/fixtures/core';

// A procedure as a file: the JSON Schema generated from the procedure schema (committed in
// resources/ for partnerships to write against), export and import through the dispatcher, every
// problem with a file listed by where it is in words, an import never replacing a version in use,
// and procedures stored in the older shape still read, meaning what they meant.

function builtIn(id: string): Procedure {
  const found = getBuiltInProcedure(id);
  if (!found) throw new Error(`no built-in ${id}`);
  return found;
}

describe('the procedure file’s JSON Schema', () => {
  it('is committed in resources/ exactly as the procedure schema generates it (npm run schema:procedure)', () => {
    const committed: unknown = JSON.parse(
      readFileSync(fileURLToPath(new URL('../../../resources/procedure.schema.json', import.meta.url)), 'utf8'),
    );
    expect(committed).toEqual(procedureJsonSchema());
  });

  it('describes the current shape: local timescales, contacts, targets with what they are counted from, and no policy codes', () => {
    const schema = procedureJsonSchema();
    const text = JSON.stringify(schema);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    for (const key of ['localTimescales', 'contacts', 'renamed', 'lastChecked', 'timescale-missed', 'previous-target', 'escalation-start'])
      expect(text, key).toContain(key);
    expect(text).not.toMatch(/\bseed\b|timescaleOverrides/);
  });
});

describe('reading a procedure file', () => {
  it('reads back every built-in as it was exported', () => {
    for (const procedure of builtInProcedures) {
      const read = readProcedureFile(procedureFileText(procedure));
      expect(read, procedure.id).toEqual({ ok: true, procedure });
    }
    expect(procedureFileName({ name: 'Liverpool: our copy', version: 3 })).toBe('Procedure - Liverpool- our copy - version 3.json');
  });

  it('lists every problem, each by where it is in the file, in words', () => {
    const copy: Record<string, unknown> = JSON.parse(procedureFileText(copyProcedure(builtIn('liverpool'), 'copy-1', 'Our Liverpool')));
    const tracks = copy.tracks as { id: string; stages: Record<string, unknown>[] }[];
    const five = tracks.findIndex((track) => track.id === 'situation-5');
    const stages = tracks[five]?.stages ?? [];
    stages[2] = { ...stages[2], title: '' };
    stages[0] = { ...stages[0], target: { rule: { kind: 'fortnights', count: 2 }, from: 'stage-start', source: 'Our own.' } };
    const read = readProcedureFile(
      JSON.stringify({ ...copy, timescaleOverrides: {}, source: { ...(copy.source as object), lastChecked: '01/12/2026' } }),
    );
    if (read.ok) throw new Error('read a broken file');
    expect(read.problems.map((problem) => problem.message).sort()).toEqual(
      [
        'The file: “timescaleOverrides” is not part of a procedure file: remove it.',
        'Source, last checked: Enter the date as YYYY-MM-DD.',
        `Track ${five + 1} (situation-5), stage 3 (step-c), title: This cannot be empty.`,
        `Track ${five + 1} (situation-5), stage 1 (step-a), target, rule, kind: Say how long: working-days, working-weeks, same-day, hours or months.`,
      ].sort(),
    );
    expect(readProcedureFile('{ not json')).toMatchObject({
      ok: false,
      problems: [{ path: [], message: expect.stringContaining('it is not JSON') }],
    });
  });
});

describe('exporting and importing through the dispatcher', () => {
  it('exports a procedure, imports it as a new procedure of the setting’s own, never replacing a version in use, and refuses a broken file saying where', async () => {
    const { core } = await setUpCore();
    const exported = await ok(core, 'procedures.export', { id: 'cscp' });
    expect(exported).toMatchObject({
      fileName: 'Procedure - CSCP five stages of escalation - version 2.json',
      mimeType: 'application/json',
    });
    expect(JSON.parse(exported.text)).toEqual(builtIn('cscp'));

    const copy = await ok(core, 'procedures.copy', { fromId: 'bromley', name: 'Bromley (our copy)' });
    await ok(core, 'procedures.choose', { id: copy.id });
    const fromCopy = await ok(core, 'procedures.export', { id: copy.id });
    // The file carries the copy's id: importing it makes another procedure, leaving the copy in use as it was.
    const imported = await ok(core, 'procedures.import', { text: fromCopy.text });
    expect(imported).toMatchObject({ name: 'Bromley (our copy)', version: 1, builtIn: false });
    expect(imported.id).not.toBe(copy.id);
    const importedBuiltIn = await ok(core, 'procedures.import', { text: exported.text });
    expect(importedBuiltIn).toMatchObject({ builtIn: false, version: 1 });
    expect(importedBuiltIn.id).not.toBe('cscp');
    const list = await ok(core, 'procedures.list', {});
    expect(list.filter((p) => !p.builtIn).map((p) => [p.name, p.version, p.chosen, p.basedOn])).toEqual(
      expect.arrayContaining([
        ['Bromley (our copy)', 1, true, 'bromley'],
        ['Bromley (our copy)', 1, false, null],
        ['CSCP five stages of escalation', 1, false, 'cscp'],
      ]),
    );
    expect(await ok(core, 'procedures.get', { id: copy.id })).toEqual(copy);

    const broken = JSON.stringify({ ...JSON.parse(exported.text), name: '', contacts: [{ id: 'a' }] });
    const refused = await call(core, 'procedures.import', { text: broken });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'This procedure file cannot be used: there are 2 problems. Nothing was imported.' },
    });
    if (refused.ok) throw new Error('imported a broken file');
    expect(refused.error.issues?.map((issue) => issue.message).sort()).toEqual(
      ['Contact 1 (a), role: Enter some words here.', 'Name: This cannot be empty.'].sort(),
    );
    expect((await ok(core, 'procedures.list', {})).length).toBe(list.length);
  });
});

describe('procedures stored in the older shape', () => {
  // A Bromley snapshot as version 1 stored it: every stage's target named the shared catalogue's
  // 'escalation-stage', the written follow-up was an override, and the source named the policy by code.
  const old = JSON.parse(JSON.stringify(builtIn('bromley'))) as Record<string, unknown> & {
    tracks: { stages: Record<string, unknown>[] }[];
  };
  delete old.localTimescales;
  delete old.contacts;
  delete old.renamed;
  const stored = {
    ...old,
    version: 1,
    source: { seed: '002', document: 'Ready Steady Grow Pre-School, Bromley', note: 'The seed does not give one.' },
    timescaleOverrides: { 'written-follow-up': { kind: 'hours', hours: 48 } },
    tracks: old.tracks.map((track) => ({
      ...track,
      stages: track.stages.map((stage) => ({ ...stage, target: { timescale: 'escalation-stage' } })),
    })),
  };

  it('are read meaning what they meant when they were saved: each stage’s week from when it started', () => {
    const read = parseProcedure(stored);
    expect(read.version).toBe(1);
    expect(read.tracks[0]?.stages.map((stage) => stage.target?.rule)).toEqual(
      Array.from({ length: 4 }, () => ({ kind: 'working-weeks', weeks: 1 })),
    );
    expect(read.tracks[0]?.stages.every((stage) => stage.target?.from === 'stage-start')).toBe(true);
    expect(read.source).toMatchObject({ title: builtIn('bromley').source.title, lastChecked: null, note: 'The policy does not give one.' });
    // The written follow-up it had set is kept, said to be the copy's own.
    expect(read.localTimescales['written-follow-up']).toEqual({
      rule: { kind: 'hours', hours: 48 },
      source: 'Set in this copy of the procedure.',
    });
    expect(JSON.stringify(read)).not.toMatch(/\bseed\b/i);
  });
});
