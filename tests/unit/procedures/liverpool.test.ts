import { describe, expect, it } from 'vitest';
import { timescales } from '../../../shared/deadlines';
import {
  contactsFor,
  escalationCategories,
  formTitles,
  liverpoolLevelsOfNeed,
  liverpoolSituations,
  nextStage,
  trackForMissed,
  withCurrentNames,
} from '../../../shared/procedures';
import { builtIn, formsByStage, schoolVsSocialCare, stageOf, trackOf } from './helpers';
import { expectKeeps, normalise, policy, policyFile, policyText, ruleInWords, stepsSaidBy, trackPolicy, wordsAddedBy } from './policy-text';

// Liverpool against the Northway Primary & Nursery School policy itself
// (tests/fixtures/policies/liverpool.txt): the levels of need, the ten situations, situation 1's
// internal route, the ladders for situations 5–7 (step letters and texts as the policy lists them)
// and the four LSCB stages with the Report to LSCB at stages 3 and 4; its local contacts, its one
// local timescale, and the LSCB's current name.

const p = builtIn('liverpool');
const text = policy('liverpool');
const lscb = trackOf(p, 'cin-plan-discontinued');
// The LSCB stages of situation 8, each under a bold "Stage N", up to the flow chart.
const lscbPolicy = trackPolicy('liverpool', lscb, /^\*\*Stage \d\*\*$/gm, /^## Liverpool Schools/m);
const lscbParts = lscbPolicy.parts;

/** An LSCB stage's titles: the bold headings of its part of the policy, "Stage N" aside. */
function lscbTitle(index: number): string {
  const raw = lscbParts[index]?.text.raw ?? '';
  return [...raw.matchAll(/^\*\*(.+)\*\*$/gm)]
    .map((match) => match[1] ?? '')
    .filter((heading) => !/^Stage \d$/.test(heading))
    .join('; ');
}

/** A situation's ladder as the policy lists it: its heading, and each lettered line. */
function ladderInPolicy(situation: number): { heading: string; section: ReturnType<typeof policyText>; lines: [string, string][] } {
  const raw = policyFile('liverpool');
  const start = raw.search(new RegExp(`^## \\*\\*${situation}\\. `, 'm'));
  const end = raw.indexOf('\n## ', start + 1);
  const section = raw.slice(start, end < 0 ? raw.length : end);
  const heading = /^## \*\*(.+)\*\*$/m.exec(section)?.[1] ?? '';
  const lines = [...section.matchAll(/^- ([a-z])\. (.+)$/gm)].map((match): [string, string] => [match[1] ?? '', match[2] ?? '']);
  return { heading, section: policyText(section), lines };
}

const ladders = [
  { situation: 5, category: 'cin-plan-not-progressing' },
  { situation: 6, category: 'cp-plan-not-progressing' },
  { situation: 7, category: 'case-conference-no-cp-plan' },
] as const;

describe('Liverpool', () => {
  it('names the partnership, with its current name beside, and its source by title and year', () => {
    expect(p.partnership).toBe('Liverpool Safeguarding Children Board (LSCB)');
    expectKeeps(p.partnership, text, ['Safeguarding Children Board', 'LSCB']);
    expect(withCurrentNames(p, p.partnership)).toBe(
      'Liverpool Safeguarding Children Board (LSCB) (now the Liverpool Safeguarding Children Partnership)',
    );
    expect(withCurrentNames(p, formTitles['liverpool-report-to-lscb'])).toBe(
      'Report to LSCB (now the Liverpool Safeguarding Children Partnership): Multi-Agency Resolution Levels 3 and 4',
    );
    expect(text.says("Liverpool's summary escalation procedures")).toBe(true);
    expectKeeps(`${p.source.title} ${p.source.publisher}`, text, [
      'Northway Primary & Nursery School',
      'Escalation Guidance Policy 2018',
      'Liverpool Schools’ Safeguarding Flow Chart 2018',
    ]);
    expect(p.source.year).toBe('2018');
    expect(p.source.note).toContain('situations 2–4, 9 and 10 is cut');
    expectKeeps(p.source.note, text, ['press for re-consideration and if required make the referral themselves']);
  });

  it('keeps its named adviser and referral phone lines as local contacts, in the policy’s own words, and not in the steps', () => {
    expect(p.contacts.find((c) => c.id === 'school-improvement-liverpool-adviser')?.email).toBe('phil.cooper@si.liverpool.gov.uk');
    expect(text.says('Seek advice from phil.cooper@si.liverpool.gov.uk')).toBe(true);
    for (const contact of p.contacts.filter((c) => c.phone)) expect(text.says(contact.phone ?? ''), contact.id).toBe(true);
    expect(p.contacts.filter((c) => c.phone).map((c) => c.phone)).toEqual([
      '0151 233 3700',
      '0151 443 2600',
      '0151 606 2008',
      '0345 140 0845',
      '01744 676600',
      '01942 828300',
    ]);
    expect(JSON.stringify(p.tracks)).not.toContain('@');
    for (const { category } of ladders) {
      const advice = trackOf(p, category).stages.filter((s) => s.title === 'Seek advice from the School Improvement Liverpool adviser');
      expect(advice, category).toHaveLength(1);
      expect(contactsFor(p, advice[0] ?? stageOf(lscb, 'stage-1')).map((c) => c.email)).toEqual(['phil.cooper@si.liverpool.gov.uk']);
    }
  });

  it('has the four levels of need, in the policy’s words', () => {
    expect(liverpoolLevelsOfNeed.map((l) => l.level)).toEqual([1, 2, 3, 4]);
    for (const level of liverpoolLevelsOfNeed) expect(text.says(level.title), level.title).toBe(true);
    expect(text.says(liverpoolLevelsOfNeed[0].description)).toBe(true);
    expect(text.says(liverpoolLevelsOfNeed[2].description)).toBe(true);
    for (const part of liverpoolLevelsOfNeed[3].description.split('; ')) expect(text.says(part), part).toBe(true);
    // The procedure carries them, so a child's level is shown in Liverpool's words where it is chosen.
    expect(p.levelsOfNeed?.map((l) => [l.level, l.title])).toEqual(liverpoolLevelsOfNeed.map((l) => [l.level, l.title]));
  });

  it('lists its ten situations as the policy does, and maps them to tracks: ladders for 5–7, the LSCB stages for the rest', () => {
    const listed = [...policyFile('liverpool').matchAll(/^(\d+)\. (.+)$/gm)].map((match) => [Number(match[1]), normalise(match[2] ?? '')]);
    expect(liverpoolSituations.map((s) => [s.situation, normalise(s.text)])).toEqual(listed);
    expect(liverpoolSituations.map((s) => [s.situation, s.category, p.categoryTracks[s.category]])).toEqual([
      [1, 'internal-referral-disagreement', 'situation-1'],
      [2, 'cp-referral-not-accepted', 'lscb'],
      [3, 'cin-referral-not-accepted', 'lscb'],
      [4, 'cin-now-significant-harm', 'lscb'],
      [5, 'cin-plan-not-progressing', 'situation-5'],
      [6, 'cp-plan-not-progressing', 'situation-6'],
      [7, 'case-conference-no-cp-plan', 'situation-7'],
      [8, 'cin-plan-discontinued', 'lscb'],
      [9, 'cp-plan-discontinued', 'lscb'],
      [10, 'early-help-requested-instead', 'lscb'],
    ]);
    const situationCategories = new Set<string>(liverpoolSituations.map((s) => s.category));
    for (const category of escalationCategories.filter((c) => !situationCategories.has(c))) expect(p.categoryTracks[category]).toBe('lscb');
    // A missed statutory timescale follows the LSCB stages: Liverpool's own ladder, never another partnership's.
    expect(trackForMissed(p, 'la-decision')?.id).toBe('lscb');
    expect(trackForMissed(p, 'strategy-discussion')?.id).toBe('lscb');
  });

  it('takes situation 1 (staff disagree within the school) by the flow chart’s internal route, not the LSCB stages', () => {
    const one = trackOf(p, 'internal-referral-disagreement');
    expect(one.stages.map((s) => [s.label, s.title])).toEqual([
      ['Step 1', 'Both colleagues discuss the child’s needs'],
      ['Step 2', 'Press for re-consideration'],
      ['Step 3', 'If required make the referral themselves'],
    ]);
    expect(one.stages.some((s) => s.id.startsWith('stage-'))).toBe(false);
    expect(text.says('then both colleagues should discuss the child’s needs alongside the Local Safeguarding Children')).toBe(true);
    expectKeeps(stageOf(one, 'discuss').summary, text, [
      'both colleagues should discuss the child’s needs alongside the Local Safeguarding Children',
    ]);
    expectKeeps(stageOf(one, 'reconsider').summary, text, [
      'If the member of staff or volunteer does not agree with the decision by the Designated Safeguarding Lead not to make a referral to Children’s Services then they should press for re-consideration',
    ]);
    expectKeeps(stageOf(one, 'refer').summary, text, [
      'Anyone can make a referral, if required, but the Designated Safeguarding Lead maintain oversight',
    ]);
    expect(text.says('press for re-consideration and if required make the referral themselves')).toBe(true);
    expect(contactsFor(p, stageOf(one, 'refer')).map((c) => c.phone)[0]).toBe('0151 233 3700');
    expect(nextStage(one, 'refer', { ourAgency: 'school', otherAgency: 'school' })).toBeNull();
  });

  it.each(ladders)(
    'has situation $situation’s ladder as the policy lists it, each line a step with its letter',
    ({ situation, category }) => {
      const inPolicy = ladderInPolicy(situation);
      const t = trackOf(p, category);
      expect(normalise(t.title)).toBe(normalise(inPolicy.heading));
      const steps = t.stages.filter((s) => s.id.startsWith('step-'));
      expect(steps.map((s) => [s.id, s.label])).toEqual(inPolicy.lines.map(([letter]) => [`step-${letter}`, `Step ${letter}`]));
      // Word for word, but for the adviser's address, which is a local contact (kept once, in the
      // procedure's contacts, where a copy updates it): the step names the adviser instead.
      const adviser = '[phil.cooper@si.liverpool.gov.uk](mailto:phil.cooper@si.liverpool.gov.uk)';
      expect(steps.map((s) => normalise(s.title))).toEqual(
        inPolicy.lines.map(([, line]) => normalise(line.replace(adviser, 'the School Improvement Liverpool adviser'))),
      );
      expect(inPolicy.section.says('Always follow the Local Safeguarding Children Board’s escalation policy')).toBe(true);
      for (const stage of steps) {
        expect(
          stage.steps.map((step) => normalise(step.text)),
          stage.id,
        ).toEqual([normalise(stage.title)]);
        expect(normalise(stage.summary).startsWith(normalise(stage.title)), stage.id).toBe(true);
        // Every line but the last, which goes on to the LSCB stages themselves.
        if (stage !== steps.at(-1))
          expect(stage.summary, stage.id).toContain('Always follow the Local Safeguarding Children Board’s escalation policy.');
      }
    },
  );

  it('has who acts at each ladder step in the step’s own words', () => {
    const six = trackOf(p, 'cp-plan-not-progressing');
    const sixInPolicy = ladderInPolicy(6).section;
    expectKeeps(stageOf(six, 'step-f').whoActs['childrens-social-care'], sixInPolicy, ['The Independent Reviewing Officer']);
    expectKeeps(stageOf(six, 'step-e').whoActs['childrens-social-care'], sixInPolicy, ['Social Worker Team Leader']);
    expectKeeps(stageOf(six, 'step-b').whoActs['childrens-social-care'], sixInPolicy, ['the social worker’s line manager']);
    const seven = trackOf(p, 'case-conference-no-cp-plan');
    expectKeeps(stageOf(seven, 'step-b').whoActs['childrens-social-care'], ladderInPolicy(7).section, [
      'the Independent Conference Chair (Independent Reviewing Officer)',
    ]);
    expect(text.says('discuss it without delay with the school’s Designated Safeguarding Lead')).toBe(true);
    expect(stageOf(six, 'step-a').whoActs.school).toBe('The Designated Safeguarding Lead');
  });

  it('asks for the concerns in writing (the written concern) at the ladder steps that say "in writing", and only there', () => {
    for (const { situation, category } of ladders) {
      const inWriting = ladderInPolicy(situation)
        .lines.filter(([, line]) => policyText(line).says('in writing'))
        .map(([letter]) => `step-${letter}`);
      const written = trackOf(p, category)
        .stages.filter((s) => s.forms.some((f) => f.form === 'written-concern'))
        .map((s) => s.id);
      expect(written, category).toEqual(inWriting);
    }
  });

  it('continues each ladder, after its last line ("… following the LSCB policy"), into the four LSCB stages', () => {
    for (const { situation, category } of ladders) {
      const t = trackOf(p, category);
      const [lastLetter, lastLine] = ladderInPolicy(situation).lines.at(-1) ?? ['', ''];
      expect(policyText(lastLine).says('escalate your concerns further following the LSCB policy'), category).toBe(true);
      const last = `step-${lastLetter}`;
      const tail = t.stages.slice(-4);
      expect(tail.map((s) => [s.id, s.label, s.title])).toEqual(lscb.stages.map((s) => [s.id, `LSCB ${s.label}`, s.title]));
      expect(stageOf(t, last).summary).toContain('goes on to the LSCB stages that follow it here, starting with LSCB Stage 1');
      expect(nextStage(t, last, schoolVsSocialCare)).toEqual({ stage: stageOf(t, 'stage-1'), reason: null });
      expect(nextStage(t, 'stage-4', schoolVsSocialCare)).toBeNull();
      expect(t.stages).toHaveLength(ladderInPolicy(situation).lines.length + 4);
    }
  });

  it('has the policy’s four LSCB stages, under its headings, alone for situation 8', () => {
    expect(lscb.id).toBe('lscb');
    expect(text.says('8. Disagreement about the decision to discontinue a child in need plan')).toBe(true);
    expect(lscb.stages.map((s) => [s.id, s.label])).toEqual(lscbParts.map((_, i) => [`stage-${i + 1}`, `Stage ${i + 1}`]));
    expect(lscb.stages.map((s) => s.title)).toEqual(lscbParts.map((_, i) => lscbTitle(i)));
    expect(lscb.stages.map((s) => s.title)).toEqual([
      'Attempt Resolution; Escalate to Line Manager',
      'Escalation to Organisation Safeguarding Representative',
      'Escalation to LSCB Safeguarding Representative',
      'Escalation to LSCB Chair',
    ]);
    expect(lscb.routing).toEqual([]);
  });

  it('takes the LSCB stages’ checklists from the policy, word for word where it can', () => {
    expect(lscb.stages.map((s, i) => stepsSaidBy(s, lscbParts[i]?.text ?? text))).toEqual([
      ['stage-1-2', 'stage-1-3'],
      ['stage-2-1', 'stage-2-2', 'stage-2-3'],
      ['stage-3-1', 'stage-3-2'],
      [],
    ]);
    const one = lscbParts[0]?.text ?? text;
    expectKeeps(stageOf(lscb, 'stage-1').steps[0]?.text, one, [
      'Initial attempts should be made between the workers to resolve the issues',
      'Record Outcome',
    ]);
    expectKeeps(stageOf(lscb, 'stage-1').steps[2]?.text, one, [
      'Line manager discusses concerns or matters unresolved with their counterpart in the other agency',
      '(Line Managers should consider professionals meeting if necessary)',
      'Record Outcome',
    ]);
    expectKeeps(stageOf(lscb, 'stage-3').steps[2]?.text, lscbParts[2]?.text ?? text, ['record']);
    expectKeeps(stageOf(lscb, 'stage-4').steps[0]?.text, lscbParts[3]?.text ?? text, ['LSCB Chair']);
    expectKeeps(stageOf(lscb, 'stage-4').whoActs['childrens-social-care'], lscbParts[3]?.text ?? text, ['LSCB Chair']);
  });

  it('has the Report to LSCB completed where the policy says, at stage 3, and updated at stage 4 (its title is for levels 3 and 4), in every track', () => {
    const title = formTitles['liverpool-report-to-lscb'];
    expect(lscbParts.map((part) => part.text.says(`${title} is completed and submitted to LSCB Team`))).toEqual([
      false,
      false,
      true,
      false,
    ]);
    const levels = /Levels (\d) and (\d)/.exec(title)?.slice(1) ?? [];
    expect(levels).toEqual(['3', '4']);
    expect(formsByStage(lscb)).toEqual(
      lscb.stages.map((_, i) => {
        const level = levels.indexOf(String(i + 1));
        return level < 0 ? [] : [`${level === 0 ? 'complete' : 'update'} liverpool-report-to-lscb`];
      }),
    );
    // Every multi-agency track: situation 1 is within the school, and has no LSCB stages.
    for (const t of p.tracks.filter((track) => track.id !== 'situation-1')) {
      const withReport = t.stages
        .filter((s) => s.forms.some((f) => f.form === 'liverpool-report-to-lscb'))
        .map((s) => `${s.id} ${s.forms[0]?.action}`);
      expect(withReport, t.id).toEqual(['stage-3 complete', 'stage-4 update']);
    }
  });

  it('sets no stage target, as no stage or ladder names a timescale, and follows up a phone referral in writing within 24 hours', () => {
    const noTimescale = /\b(days?|weeks?|hours?|months?)\b/i;
    for (const part of lscbParts) expect(noTimescale.test(part.text.raw)).toBe(false);
    for (const { situation } of ladders) expect(noTimescale.test(ladderInPolicy(situation).section.raw)).toBe(false);
    expect(p.tracks.flatMap((t) => t.stages).every((s) => s.target === null)).toBe(true);
    const followUp = p.localTimescales['written-follow-up'];
    expect(followUp?.rule).toEqual({ kind: 'hours', hours: 24 });
    expect(text.says(followUp?.source ?? '')).toBe(true);
    expect(
      ruleInWords(followUp?.rule ?? { kind: 'same-day' }).some((words) =>
        text.says(`follow up your concerns in writing within ${words} using the Multi-Agency Referral Form`),
      ),
    ).toBe(true);
    // No time for a strategy discussion or its minutes: the policy gives none.
    expect(Object.values(p.localTimescales['strategy-discussion'])).toEqual([null, null, null, null]);
    expect(p.localTimescales['strategy-minutes']).toBeNull();
    // The decision's national timescale quotes the guidance as this policy quotes it.
    expect(text.says(timescales['la-decision'].source.quotedIn?.quote ?? '')).toBe(true);
  });

  it('uses no word the policy does not, but these', () => {
    const added: Record<string, string> = {
      involved: 'who acts at LSCB stage 1 for another agency: "the professional involved"',
      gives: 'LSCB stage 4’s summary: "the policy gives no more detail for this stage"',
      more: 'likewise',
      covers: 'LSCB stage 4: "the Report to LSCB covers levels 3 and 4"',
      happens: 'likewise: "update it with what happens at this stage"',
      update: 'likewise, and the step "Update the Report to LSCB"',
      goes: 'the last ladder step: "escalating from this step goes on to the LSCB stages"',
      here: 'likewise: "the LSCB stages that follow it here"',
      starting: 'likewise: "starting with LSCB Stage 1"',
      next: 'who acts at the last ladder step: "the LSCB escalation policy: next, LSCB Stage 1"',
      allocated: 'who acts at ladder step a: "the allocated social worker"',
      outcome: 'LSCB stage 4 "Record Outcome", as the policy asks at stages 1 to 3 (it gives stage 4 only its heading)',
      adviser: 'the ladder step that names the School Improvement Liverpool adviser, whose address is a local contact',
      see: 'who acts at that step: "see the contact details below"',
    };
    const found = new Set<string>(lscbPolicy.wordsAdded());
    for (const { situation, category } of ladders) {
      for (const stage of trackOf(p, category).stages.filter((s) => s.id.startsWith('step-'))) {
        // A ladder line is the policy's word for word (checked above); who acts and the summary may
        // draw on the whole policy (the DSL, School Improvement Liverpool, the LSCB stages).
        for (const word of wordsAddedBy(stage, [ladderInPolicy(situation).section, text])) found.add(word);
      }
    }
    expect([...found].sort()).toEqual(Object.keys(added).sort());
  });
});
