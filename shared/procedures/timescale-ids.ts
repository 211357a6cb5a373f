import type { TimescaleId } from '../deadlines/timescales';

// The catalogue's timescale ids as a runtime list, so the procedure schema can check a stage's
// target. Only the *type* comes from the deadline calculator (procedures depend on its vocabulary,
// not on its code); the two checks below make a missing or unknown id a compile error, so this
// list cannot drift from the catalogue.

export const timescaleIds = [
  'strategy-discussion-immediate-risk',
  'strategy-discussion-penetrative-sexual-abuse',
  'strategy-discussion-complex',
  'strategy-discussion-standard',
  'strategy-minutes',
  'icpc',
  'single-assessment',
  'la-decision',
  'written-follow-up',
  'escalation-stage',
  'bw-escalation-step-2',
  'bw-escalation-step-3',
  'first-review-conference',
  'later-review-conference',
  'first-core-group',
] as const satisfies readonly TimescaleId[];

type Unlisted = Exclude<TimescaleId, (typeof timescaleIds)[number]>;
// Fails to compile, naming the id, if the catalogue gains an id this list lacks.
const _everyTimescaleListed: [Unlisted] extends [never] ? true : Unlisted = true;
