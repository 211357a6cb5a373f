import { describe, expect, it } from 'vitest';
import { escalationCategories, liverpoolLevelsOfNeed, liverpoolSituations, nextStage } from '../../../shared/procedures';
import { builtIn, formsByStage, schoolVsSocialCare, stageOf, trackOf } from './helpers';

// Liverpool (seed 001) against the Northway Primary & Nursery School policy: the levels of need, the
// ten situations, the ladders for situations 5–7 (step letters and texts exactly as in the seed) and
// the four LSCB stages with the Report to LSCB at stages 3 and 4.

const p = builtIn('liverpool');

const lscbTitles = [
  'Attempt Resolution; Escalate to Line Manager',
  'Escalation to Organisation Safeguarding Representative',
  'Escalation to LSCB Safeguarding Representative',
  'Escalation to LSCB Chair',
];
const lastStep = 'If there is no agreement you will be supported to escalate your concerns further following the LSCB policy';

function ladderOf(category: string): [string, string][] {
  return trackOf(p, category)
    .stages.filter((s) => s.id.startsWith('step-'))
    .map((s) => [s.label, s.title]);
}

describe('Liverpool (seed 001)', () => {
  it('names the partnership and its source', () => {
    expect(p.partnership).toBe('Liverpool Safeguarding Children Board (LSCB)');
    expect(p.name).toBe('Liverpool escalation guidance (LSCB)');
    expect(p.source.note).toContain('situations 1–4, 9 and 10 is cut');
  });

  it('has the four levels of need', () => {
    expect(liverpoolLevelsOfNeed.map((l) => [l.level, l.title])).toEqual([
      [1, 'Universal services'],
      [2, 'Early Help'],
      [3, 'Complex Early Help'],
      [4, 'Child in Need and Child Protection'],
    ]);
  });

  it('maps its ten situations to categories and tracks: ladders for 5–7, the LSCB stages for the rest', () => {
    expect(liverpoolSituations.map((s) => [s.situation, s.category, p.categoryTracks[s.category]])).toEqual([
      [1, 'internal-referral-disagreement', 'lscb'],
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
    expect(liverpoolSituations[6]?.text).toBe(
      'Disagreement at a child protection case conference not to make the child subject to a child protection plan',
    );
    const situationCategories = new Set<string>(liverpoolSituations.map((s) => s.category));
    for (const category of escalationCategories.filter((c) => !situationCategories.has(c))) expect(p.categoryTracks[category]).toBe('lscb');
  });

  it('has situation 5’s ladder a–g, in the seed’s words', () => {
    expect(ladderOf('cin-plan-not-progressing')).toEqual([
      ['Step a', 'Speak to the social worker to discuss your concerns'],
      ['Step b', 'Speak to the social worker’s line manager'],
      ['Step c', 'Put your concerns in writing to the social worker and their line manager'],
      [
        'Step d',
        'Consider requesting a child in need meeting is convened at the earliest opportunity to discuss your concerns with other professionals',
      ],
      ['Step e', 'Speak to the Team Leader and then the Service Manager'],
      ['Step f', 'Seek advice from phil.cooper@si.liverpool.gov.uk'],
      ['Step g', lastStep],
    ]);
  });

  it('has situation 6’s ladder a–i, in the seed’s words', () => {
    expect(ladderOf('cp-plan-not-progressing')).toEqual([
      ['Step a', 'Speak to the social worker to discuss your concerns'],
      ['Step b', 'Speak to the social worker’s line manager'],
      ['Step c', 'Put your concerns in writing to the social worker and their manager'],
      [
        'Step d',
        'Consider requesting a core meeting is convened at the earliest opportunity to discuss your concerns with other professionals',
      ],
      ['Step e', 'Speak to a Social Worker Team Leader'],
      ['Step f', 'Contact the Independent Reviewing Officer to discuss your concerns'],
      ['Step g', 'If there is no agreement ask to speak to the Service Manager'],
      ['Step h', 'Seek advice from phil.cooper@si.liverpool.gov.uk'],
      ['Step i', lastStep],
    ]);
  });

  it('has situation 7’s ladder a–g, in the seed’s words', () => {
    expect(ladderOf('case-conference-no-cp-plan')).toEqual([
      ['Step a', 'Raise your concerns during the case conference and ask for your concerns to be minuted'],
      ['Step b', 'Write to the Independent Conference Chair (Independent Reviewing Officer) putting your concerns in writing'],
      ['Step c', 'Speak to the Independent Reviewing Officer’s Manager'],
      ['Step d', 'If there is no agreement ask to speak to a Social Worker Team Leader.'],
      ['Step e', 'If there is no agreement ask to speak to the Service Manager'],
      ['Step f', 'Seek advice from phil.cooper@si.liverpool.gov.uk'],
      ['Step g', lastStep],
    ]);
  });

  it('makes each ladder step one checklist item, the seed’s line as a sentence', () => {
    const six = trackOf(p, 'cp-plan-not-progressing');
    expect(stageOf(six, 'step-a').steps).toEqual([{ id: 'step-a-1', text: 'Speak to the social worker to discuss your concerns.' }]);
    expect(stageOf(trackOf(p, 'case-conference-no-cp-plan'), 'step-d').steps).toEqual([
      { id: 'step-d-1', text: 'If there is no agreement ask to speak to a Social Worker Team Leader.' },
    ]);
    expect(stageOf(six, 'step-f').whoActs['childrens-social-care']).toBe('The Independent Reviewing Officer');
    expect(stageOf(six, 'step-a').whoActs.school).toBe('The Designated Safeguarding Lead');
  });

  it('asks for the concerns in writing (the written concern) at 5c, 6c and 7b only', () => {
    const written = (category: string) =>
      trackOf(p, category)
        .stages.filter((s) => s.forms.some((f) => f.form === 'written-concern'))
        .map((s) => s.id);
    expect(written('cin-plan-not-progressing')).toEqual(['step-c']);
    expect(written('cp-plan-not-progressing')).toEqual(['step-c']);
    expect(written('case-conference-no-cp-plan')).toEqual(['step-b']);
  });

  it('continues each ladder into the four LSCB stages after its last step', () => {
    for (const [category, last] of [
      ['cin-plan-not-progressing', 'step-g'],
      ['cp-plan-not-progressing', 'step-i'],
      ['case-conference-no-cp-plan', 'step-g'],
    ] as const) {
      const t = trackOf(p, category);
      const tail = t.stages.slice(-4);
      expect(tail.map((s) => [s.id, s.label, s.title])).toEqual(
        lscbTitles.map((title, i) => [`stage-${i + 1}`, `LSCB Stage ${i + 1}`, title]),
      );
      expect(stageOf(t, last).summary).toContain('goes on to the LSCB stages that follow it here, starting with LSCB Stage 1');
      expect(nextStage(t, last, schoolVsSocialCare)).toEqual({ stage: stageOf(t, 'stage-1'), reason: null });
      expect(nextStage(t, 'stage-4', schoolVsSocialCare)).toBeNull();
    }
    expect(trackOf(p, 'cp-plan-not-progressing').stages).toHaveLength(13);
    expect(trackOf(p, 'cin-plan-not-progressing').stages).toHaveLength(11);
  });

  it('uses the four LSCB stages alone for situation 8', () => {
    const t = trackOf(p, 'cin-plan-discontinued');
    expect(t.id).toBe('lscb');
    expect(t.stages.map((s) => [s.id, s.label, s.title])).toEqual(
      lscbTitles.map((title, i) => [`stage-${i + 1}`, `Stage ${i + 1}`, title]),
    );
    expect(t.routing).toEqual([]);
    expect(stageOf(t, 'stage-1').steps.map((s) => s.text)).toEqual([
      'Initial attempts should be made between the workers to resolve the issues. Record Outcome.',
      'If unresolved escalate to Line Manager to agree action.',
      'Line manager discusses concerns or matters unresolved with their counterpart in the other agency (Line Managers should consider professionals meeting if necessary). Record Outcome.',
    ]);
    expect(stageOf(t, 'stage-2').steps.map((s) => s.text)).toContain(
      'Organisation safeguarding representative collates detail of cases escalated to them for referral to LSCB for monitoring.',
    );
    expect(stageOf(t, 'stage-3').steps.map((s) => s.text)).toContain(
      'Appendix 2 Report to LSCB: Multi-Agency Resolution Levels 3 and 4 is completed and submitted to LSCB Team.',
    );
    expect(stageOf(t, 'stage-4').whoActs['childrens-social-care']).toBe('The LSCB Chair');
  });

  it('has the Report to LSCB completed at LSCB stage 3 and updated at 4, and at no other stage of any track', () => {
    expect(formsByStage(trackOf(p, 'cin-plan-discontinued'))).toEqual([
      [],
      [],
      ['complete liverpool-report-to-lscb'],
      ['update liverpool-report-to-lscb'],
    ]);
    for (const t of p.tracks) {
      const withReport = t.stages
        .filter((s) => s.forms.some((f) => f.form === 'liverpool-report-to-lscb'))
        .map((s) => `${s.id} ${s.forms[0]?.action}`);
      expect(withReport, t.id).toEqual(['stage-3 complete', 'stage-4 update']);
    }
  });

  it('sets no stage target, and follows up a phone referral in writing within 24 hours', () => {
    expect(p.tracks.flatMap((t) => t.stages).every((s) => s.target === null)).toBe(true);
    expect(p.timescaleOverrides).toEqual({ 'written-follow-up': { kind: 'hours', hours: 24 } });
  });
});
