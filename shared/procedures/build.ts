import type { EscalationCategory } from './categories';
import type { AgencyKind, Stage } from './schema';

// Small helpers for writing the built-in procedures as readable data.

/**
 * Who acts, for every kind of agency: `ours` for a school or early-years setting (the side that
 * uses this app), `others` for the other agency, unless a kind is named.
 */
export function whoActs(ours: string, others: string, named: Partial<Record<AgencyKind, string>> = {}): Record<AgencyKind, string> {
  return {
    school: named.school ?? ours,
    'early-years': named['early-years'] ?? ours,
    'childrens-social-care': named['childrens-social-care'] ?? others,
    health: named.health ?? others,
    police: named.police ?? others,
    'self-employed': named['self-employed'] ?? others,
    other: named.other ?? others,
  };
}

/** Checklist steps with stable ids (`<prefix>-1`, `<prefix>-2` …): a ticked step is stored by id. */
export function steps(prefix: string, texts: readonly string[]): Stage['steps'] {
  return texts.map((text, index) => ({ id: `${prefix}-${index + 1}`, text }));
}

/** Every category to `trackId`, except those named. Written out so a new category is a compile error here. */
export function categoriesTo(trackId: string, named: Partial<Record<EscalationCategory, string>> = {}): Record<EscalationCategory, string> {
  const to = (category: EscalationCategory): string => named[category] ?? trackId;
  return {
    'internal-referral-disagreement': to('internal-referral-disagreement'),
    'cp-referral-not-accepted': to('cp-referral-not-accepted'),
    'cin-referral-not-accepted': to('cin-referral-not-accepted'),
    'cin-now-significant-harm': to('cin-now-significant-harm'),
    'cin-plan-not-progressing': to('cin-plan-not-progressing'),
    'cp-plan-not-progressing': to('cp-plan-not-progressing'),
    'case-conference-no-cp-plan': to('case-conference-no-cp-plan'),
    'cin-plan-discontinued': to('cin-plan-discontinued'),
    'cp-plan-discontinued': to('cp-plan-discontinued'),
    'early-help-requested-instead': to('early-help-requested-instead'),
    'threshold-disagreement': to('threshold-disagreement'),
    'risk-disagreement': to('risk-disagreement'),
    'action-or-inaction': to('action-or-inaction'),
    'roles-unclear': to('roles-unclear'),
    'communication-breakdown': to('communication-breakdown'),
    'information-sharing': to('information-sharing'),
    'statutory-timescale-missed': to('statutory-timescale-missed'),
    other: to('other'),
  };
}

/**
 * Freezes a built-in all the way down. Built-ins are shared by every caller in the process: one that
 * edited a stage in place would change the procedure under every escalation that follows it
 * (DESIGN: "a procedure version in use is never changed in place"). Edit a copy instead.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    const children: unknown[] = Object.values(value);
    for (const child of children) deepFreeze(child);
  }
  return value;
}
