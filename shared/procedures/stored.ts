import type { Rule } from '../deadlines';
import { berkshireWest } from './berkshire-west';
import { birmingham } from './birmingham';
import { bromley } from './bromley';
import { cscp } from './cscp';
import { liverpool } from './liverpool';
import { procedureSchema, type LocalTimescales, type Procedure } from './schema';

// Reading a procedure back from the file: an escalation's snapshot, or a version of a setting's copy.
// Both are kept exactly as they were saved, never rewritten, so one saved before procedures owned
// their local timescales is in the older shape: its stage targets named a timescale in a shared
// catalogue ({ timescale: 'escalation-stage' }), with the partnership's overrides beside them, and
// its source named the policy by a code. It is brought up to date here, meaning exactly what it
// meant when it was saved (each target keeps the rule it had, counted from the stage starting), and
// then checked with the current schema like any other.

/** The old catalogue's rules and words for the timescales a stage could name, frozen as they were. */
const oldStageTimescales: Readonly<Record<string, { rule: Rule; source: string }>> = {
  'escalation-stage': {
    rule: { kind: 'working-weeks', weeks: 1 },
    source: 'Resolve within one working week.',
  },
  'bw-escalation-step-2': {
    rule: { kind: 'hours', hours: 48 },
    source: 'Step 2 - Email the service manager/head of service to state escalation after 48 hours of no strategy discussion.',
  },
  'bw-escalation-step-3': {
    rule: { kind: 'hours', hours: 48 },
    source:
      'Step 3 - Contact the director for children’s social care and executive director of children’s services if not resolved after 48 hours.',
  },
  'strategy-minutes': { rule: { kind: 'hours', hours: 24 }, source: 'Within 24 hours.' },
  'written-follow-up': { rule: { kind: 'hours', hours: 24 }, source: 'Within 24 hours.' },
  'la-decision': { rule: { kind: 'working-days', days: 1 }, source: 'Within one working day.' },
  icpc: { rule: { kind: 'working-days', days: 15 }, source: 'Within 15 working days.' },
  'single-assessment': { rule: { kind: 'working-days', days: 45 }, source: 'Within 45 working days.' },
  'first-core-group': { rule: { kind: 'working-days', days: 10 }, source: 'Within 10 working days.' },
  'first-review-conference': { rule: { kind: 'months', months: 3 }, source: 'Within 3 months.' },
  'later-review-conference': { rule: { kind: 'months', months: 6 }, source: 'Within 6 months.' },
  'strategy-discussion-standard': { rule: { kind: 'working-days', days: 1 }, source: 'Within one working day.' },
  'strategy-discussion-immediate-risk': { rule: { kind: 'same-day' }, source: 'On the same day.' },
  'strategy-discussion-penetrative-sexual-abuse': { rule: { kind: 'same-day' }, source: 'On the same day.' },
  'strategy-discussion-complex': { rule: { kind: 'working-days', days: 5 }, source: 'Within five working days.' },
};

/** The built-in each old policy code was (the code itself is never shown). */
const builtInByOldCode: Readonly<Record<string, Procedure>> = {
  '000': berkshireWest,
  '001': liverpool,
  '002': bromley,
  '003': birmingham,
  '004': cscp,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for a procedure saved in the older shape. */
function isOldShape(value: Record<string, unknown>): boolean {
  return 'timescaleOverrides' in value || (isRecord(value.source) && 'seed' in value.source);
}

function upgradeTarget(target: unknown, overrides: Record<string, unknown>): unknown {
  if (!isRecord(target) || typeof target.timescale !== 'string') return target;
  const old = oldStageTimescales[target.timescale];
  if (!old) return target;
  const override = overrides[target.timescale];
  return { rule: isRecord(override) ? override : old.rule, from: 'stage-start', source: old.source };
}

/**
 * An old copy's local timescales: those of the built-in it came from, as they are now (the old shape
 * gave every partnership Berkshire West's strategy-discussion times, which were never theirs), with
 * the written follow-up it had set kept where it set one.
 */
function upgradeLocalTimescales(builtIn: Procedure | undefined, overrides: Record<string, unknown>): LocalTimescales {
  const base: LocalTimescales = builtIn
    ? structuredClone(builtIn.localTimescales)
    : {
        'written-follow-up': null,
        'strategy-discussion': { standard: null, 'immediate-risk': null, 'penetrative-sexual-abuse': null, complex: null },
        'strategy-minutes': null,
      };
  const followUp = overrides['written-follow-up'];
  if (isRecord(followUp)) {
    const current = base['written-follow-up'];
    const same = current !== null && JSON.stringify(current.rule) === JSON.stringify(followUp);
    // The rule is checked with the rest when the upgraded procedure is parsed.
    if (!same) base['written-follow-up'] = { rule: followUp as Rule, source: 'Set in this copy of the procedure.' };
  }
  return base;
}

function upgrade(value: Record<string, unknown>): Record<string, unknown> {
  const overrides = isRecord(value.timescaleOverrides) ? value.timescaleOverrides : {};
  const oldSource = isRecord(value.source) ? value.source : {};
  const builtIn = typeof oldSource.seed === 'string' ? builtInByOldCode[oldSource.seed] : undefined;
  const note =
    typeof oldSource.note === 'string'
      ? oldSource.note.replace(/\bseed(’s|'s)?\b/gi, (_m, s: string | undefined) => `policy${s ?? ''}`)
      : undefined;
  const { timescaleOverrides: _dropped, ...rest } = value;
  return {
    ...rest,
    source: {
      title: builtIn?.source.title ?? (typeof oldSource.document === 'string' ? oldSource.document : 'Not recorded'),
      publisher: builtIn?.source.publisher ?? 'Not recorded',
      year: builtIn?.source.year ?? 'Not recorded',
      lastChecked: null,
      ...(note ? { note } : {}),
    },
    renamed: builtIn ? structuredClone(builtIn.renamed) : [],
    contacts: [],
    localTimescales: upgradeLocalTimescales(builtIn, overrides),
    tracks: Array.isArray(value.tracks)
      ? value.tracks.map((track) =>
          isRecord(track) && Array.isArray(track.stages)
            ? {
                ...track,
                stages: track.stages.map((stage) =>
                  isRecord(stage) ? { ...stage, target: upgradeTarget(stage.target, overrides) } : stage,
                ),
              }
            : track,
        )
      : value.tracks,
  };
}

/** A stored procedure (snapshot or copy), in whichever shape it was saved, checked with the current schema. */
export function parseProcedure(value: unknown): Procedure {
  return procedureSchema.parse(isRecord(value) && isOldShape(value) ? upgrade(value) : value);
}
