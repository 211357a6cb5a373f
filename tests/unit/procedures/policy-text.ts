import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Rule } from '../../../shared/deadlines';
import type { Stage, Track } from '../../../shared/procedures';

// The partnerships' policies as they wrote them (tests/fixtures/policies, copied byte for byte from
// the seeds), read so that a built-in procedure can be checked against the policy itself rather than
// against a copy of its own words. Matching ignores case, spacing, punctuation, Markdown emphasis and
// links, and typographic quotes and dashes: the procedures write ’ where the seeds write '.

type PolicyName = 'berkshire-west' | 'liverpool' | 'bromley' | 'birmingham' | 'cscp';

/** Lower case, typographic quotes and dashes made plain, Markdown links and emphasis dropped, punctuation and runs of white space made one space. */
export function normalise(text: string): string {
  return ` ${text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .toLowerCase()
    .replace(/'s\b/g, '')
    .replace(/[^a-z0-9@&]+/g, ' ')
    .trim()} `;
}

/** The policy's raw text, as the partnership wrote it. */
export function policyFile(name: PolicyName): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/policies/${name}.txt`, import.meta.url)), 'utf8');
}

interface PolicyText {
  /** The raw text the part was cut from. */
  raw: string;
  /** True when the policy says `phrase` word for word (as normalise() reads both). */
  says(phrase: string): boolean;
  /** Whether the policy uses `word`, allowing a different ending (notify / notifies, convene / convened). */
  has(word: string): boolean;
}

// Words that carry no content of their own: a procedure may add them when it turns the policy's
// sentence into a step ("the staff member should initiate" → "Initiate").
const connectives = new Set(
  'a an the and or of to in on at by for with is are be as it its this that if not no from into who which will should can may any each their they them your you our we us than then there these those what when where whether so such all own do does has have'.split(
    ' ',
  ),
);

/**
 * A word and the same word with an ending taken off (notifies → notify, convened → convene, aims →
 * aim, escalating → escalate, referred → refer), so a built-in may say "notifies" where the policy says "notify".
 */
function stems(word: string): string[] {
  const found = [word];
  const unless = (suffix: string, replacement = '') => {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) found.push(word.slice(0, -suffix.length) + replacement);
  };
  unless('s');
  unless('es');
  unless('d');
  unless('ed');
  unless('ies', 'y');
  unless('ied', 'y');
  unless('ing');
  unless('ing', 'e');
  // referred → refer, stopping → stop
  for (const stem of [...found]) if (/([b-df-hj-np-tv-z])\1$/.test(stem) && stem !== word) found.push(stem.slice(0, -1));
  return found;
}

/** The words of `text` that carry content, as normalise() writes them. */
function contentWords(text: string): string[] {
  return normalise(text)
    .trim()
    .split(' ')
    .filter((word) => word !== '' && !connectives.has(word));
}

export function policyText(raw: string): PolicyText {
  const text = normalise(raw);
  const stemsUsed = new Set(text.trim().split(' ').flatMap(stems));
  return {
    raw,
    says: (phrase) => text.includes(normalise(phrase)),
    has: (word) => stems(word).some((stem) => stemsUsed.has(stem)),
  };
}

/** The whole policy. */
export function policy(name: PolicyName): PolicyText {
  return policyText(policyFile(name));
}

/**
 * The policy cut at its headings: each part runs from its heading to the next, in order. `heading`
 * must be a global, multi-line regular expression whose match starts the part.
 */
function policyParts(name: PolicyName, heading: RegExp, until?: RegExp): { heading: RegExpExecArray; text: PolicyText }[] {
  const raw = policyFile(name);
  const end = until ? raw.search(until) : -1;
  const body = end >= 0 ? raw.slice(0, end) : raw;
  const matches = [...body.matchAll(heading)];
  return matches.map((match, index) => ({
    heading: match,
    text: policyText(body.slice(match.index, matches[index + 1]?.index ?? body.length)),
  }));
}

/** Everything before the first heading: the policy's general rules, which apply at every stage. */
function policyPreamble(name: PolicyName, heading: RegExp): PolicyText {
  const raw = policyFile(name);
  const first = raw.search(heading);
  return policyText(first >= 0 ? raw.slice(0, first) : raw);
}

const numberWords = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** The ways a policy writes a timescale: '1 working week' or 'one working week', '48 hours', 'the same day'. */
export function ruleInWords(rule: Rule): string[] {
  const counted = (n: number, unit: string) => {
    const units = n === 1 ? unit : `${unit}s`;
    return [`${n} ${units}`, ...(numberWords[n] ? [`${numberWords[n]} ${units}`] : [])];
  };
  switch (rule.kind) {
    case 'working-days':
      return counted(rule.days, 'working day');
    case 'working-weeks':
      return counted(rule.weeks, 'working week');
    case 'hours':
      return counted(rule.hours, 'hour');
    case 'months':
      return counted(rule.months, 'month');
    case 'same-day':
      return ['same day'];
  }
}

/** Everything a stage shows a person: its title, summary, checklist and who acts for each kind of agency. */
function stageTexts(stage: Stage): string[] {
  return [stage.title, stage.summary, ...stage.steps.map((step) => step.text), ...Object.values(stage.whoActs)];
}

/**
 * The words a stage shows that none of `context` (its part of the policy, and the parts it draws on)
 * has: what the built-in adds to the policy's own words. A test lists each such word with the reason
 * for it, so a changed step with a word the policy never used fails until someone looks.
 */
export function wordsAddedBy(stage: Stage, context: readonly PolicyText[]): string[] {
  const added = new Set<string>();
  for (const text of stageTexts(stage)) {
    for (const word of contentWords(text)) if (!context.some((part) => part.has(word))) added.add(word);
  }
  return [...added].sort();
}

/** The ids of a stage's checklist steps that `part` of the policy says word for word. */
export function stepsSaidBy(stage: Stage, part: PolicyText): string[] {
  return stage.steps.filter((step) => part.says(step.text)).map((step) => step.id);
}

/**
 * Where a built-in puts the policy's sentence its own way ("They must clearly explain … what outcome
 * they seek" → "Say what outcome you seek"): each phrase is both in the built-in's text and said by
 * the policy, so the words that matter are the policy's.
 */
export function expectKeeps(ours: string | undefined, part: PolicyText, phrases: readonly string[]): void {
  for (const phrase of phrases) {
    expect(normalise(ours ?? ''), `the built-in's text keeps "${phrase}"`).toContain(normalise(phrase));
    expect(part.says(phrase), `the policy says "${phrase}"`).toBe(true);
  }
}

/** A track of a built-in read beside the policy it comes from, cut at the policy's stage headings. */
interface TrackPolicy {
  /** The whole policy. */
  text: PolicyText;
  /** The policy's parts, one per heading, in order: the track's stages follow them one for one. */
  parts: { heading: RegExpExecArray; text: PolicyText }[];
  /** What comes before the first heading. */
  preamble: PolicyText;
  /** A stage's own part of the policy. */
  partOf(stageId: string): PolicyText;
  /** The text of one of a stage's checklist steps. */
  stepText(stageId: string, stepId: string): string | undefined;
  /**
   * Every word the track's stages add to the policy's: each stage read with its own part, the parts
   * either side (a stage says where it came from and where it goes next) and the preamble.
   */
  wordsAdded(): string[];
}

export function trackPolicy(name: PolicyName, track: Track, heading: RegExp, until?: RegExp): TrackPolicy {
  const parts = policyParts(name, heading, until);
  const preamble = policyPreamble(name, heading);
  const stageAt = (stageId: string) => {
    const index = track.stages.findIndex((stage) => stage.id === stageId);
    if (index < 0) throw new Error(`${track.id}: no stage ${stageId}`);
    return index;
  };
  return {
    text: policy(name),
    parts,
    preamble,
    partOf: (stageId) => {
      const part = parts[stageAt(stageId)];
      if (!part) throw new Error(`${name}: no part of the policy for ${stageId}`);
      return part.text;
    },
    stepText: (stageId, stepId) => track.stages[stageAt(stageId)]?.steps.find((step) => step.id === stepId)?.text,
    wordsAdded: () => {
      const added = new Set<string>();
      track.stages.forEach((stage, i) => {
        const context = [parts[i - 1], parts[i], parts[i + 1]].flatMap((part) => (part ? [part.text] : []));
        for (const word of wordsAddedBy(stage, [...context, preamble])) added.add(word);
      });
      return [...added].sort();
    },
  };
}
