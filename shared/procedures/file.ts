import type { z } from 'zod';
import { procedureSchema, type Procedure } from './schema';

// A procedure as a file: exported from a setting's copy, imported from a file a partnership (or
// another school) wrote against resources/procedure.schema.json. An imported file is checked with
// the very schema the app's own procedures pass, and every problem is listed by where it is, in
// words: "Track 2 (situation-5), stage 3 (step-c), title: This cannot be empty."

/** One problem with a procedure file: where it is (path, and in words) and what is wrong. */
export interface FileProblem {
  path: (string | number)[];
  message: string;
}

const partNames: Readonly<Record<string, string>> = {
  tracks: 'track',
  stages: 'stage',
  steps: 'checklist step',
  routing: 'routing rule',
  skips: 'skip rule',
  contacts: 'contact',
  renamed: 'renamed name',
  levelsOfNeed: 'level of need',
  forms: 'form',
  from: 'from',
  to: 'to',
};

const fieldNames: Readonly<Record<string, string>> = {
  id: 'id',
  version: 'version',
  name: 'name',
  partnership: 'partnership',
  source: 'source',
  title: 'title',
  publisher: 'publisher',
  year: 'year',
  lastChecked: 'last checked',
  note: 'note',
  builtIn: 'built in',
  label: 'label',
  summary: 'summary',
  whoActs: 'who acts',
  text: 'text',
  target: 'target',
  rule: 'rule',
  kind: 'kind',
  days: 'days',
  weeks: 'weeks',
  hours: 'hours',
  months: 'months',
  form: 'form',
  action: 'action',
  when: 'when',
  reason: 'reason',
  parties: 'parties',
  ourAgency: 'our agency',
  otherAgency: 'other agency',
  role: 'role',
  email: 'email',
  phone: 'phone',
  asWritten: 'name as written',
  now: 'current name',
  level: 'level',
  description: 'description',
  localTimescales: 'local timescales',
  'written-follow-up': 'written follow-up of a phone referral',
  'strategy-discussion': 'strategy discussion',
  'strategy-minutes': 'strategy discussion minutes',
  categoryTracks: 'which track each kind of disagreement follows',
  missedTimescaleTracks: 'which track each missed timescale follows',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where a path points, in words, naming list items by number and by their id where they have one. */
export function placeInWords(path: readonly PropertyKey[], value: unknown): string {
  const words: string[] = [];
  let at: unknown = value;
  for (let index = 0; index < path.length; index += 1) {
    const key = path[index];
    const next = path[index + 1];
    const here: unknown = isRecord(at) && (typeof key === 'string' || typeof key === 'number') ? at[key] : undefined;
    if (typeof key === 'string' && typeof next === 'number' && partNames[key]) {
      const item: unknown = Array.isArray(here) ? here[next] : undefined;
      const id = isRecord(item) && typeof item.id === 'string' ? ` (${item.id})` : '';
      words.push(`${partNames[key]} ${next + 1}${id}`);
      at = item;
      index += 1;
      continue;
    }
    if (typeof key === 'number') {
      words.push(`item ${key + 1}`);
      at = Array.isArray(at) ? at[key] : undefined;
      continue;
    }
    words.push(typeof key === 'string' ? (fieldNames[key] ?? key) : String(key));
    at = here;
  }
  const place = words.join(', ');
  return place === '' ? 'The file' : place.charAt(0).toUpperCase() + place.slice(1);
}

/** A zod issue's message, in plain words where zod's own would not be. */
function plainMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${issue.keys.map((key) => `“${key}”`).join(', ')} ${issue.keys.length === 1 ? 'is' : 'are'} not part of a procedure file: remove ${issue.keys.length === 1 ? 'it' : 'them'}.`;
    case 'invalid_type':
      return issue.message.startsWith('Invalid input')
        ? `This should be ${issue.expected === 'object' ? 'a group of answers' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}.`
        : issue.message;
    case 'invalid_key':
      return 'This is not one of the names allowed here.';
    case 'invalid_value':
      return issue.message.startsWith('Invalid') ? `This should be one of: ${issue.values.map(String).join(', ')}.` : issue.message;
    default:
      return issue.message;
  }
}

/** Every problem with a procedure as the schema sees it, each with its place in words. */
function describeProblems(issues: readonly z.core.$ZodIssue[], value: unknown): FileProblem[] {
  return issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
    message: `${placeInWords(issue.path, value)}: ${plainMessage(issue)}`,
  }));
}

export type ProcedureFileResult = { ok: true; procedure: Procedure } | { ok: false; problems: FileProblem[] };

/** A procedure file's text, read and checked: the procedure, or every problem with it. */
export function readProcedureFile(text: string): ProcedureFileResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: [], message: `The file is not a procedure file: it is not JSON (${detail}).` }] };
  }
  const parsed = procedureSchema.safeParse(value);
  if (parsed.success) return { ok: true, procedure: parsed.data };
  return { ok: false, problems: describeProblems(parsed.error.issues, value) };
}

/** The text of a procedure's file: the procedure itself, as JSON, readably indented. */
export function procedureFileText(procedure: Procedure): string {
  return `${JSON.stringify(procedure, null, 2)}\n`;
}

/** 'Procedure - Liverpool escalation guidance (our copy) - version 3.json', with no character a file name cannot hold. */
export function procedureFileName(procedure: Pick<Procedure, 'name' | 'version'>): string {
  return `Procedure - ${procedure.name} - version ${procedure.version}.json`.replace(/[\\/:*?"<>|]/g, '-');
}
