import { escalationCategories, type EscalationCategory } from './categories';
import type { AgencyKind, Stage } from './schema';

// Small helpers for writing the built-in procedures as readable data.

/** Who acts, for every kind of agency: `others` unless a kind is named. */
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

/** Checklist steps with stable ids (`<prefix>-1`, `<prefix>-2` …). */
export function steps(prefix: string, texts: string[]): Stage['steps'] {
  return texts.map((text, index) => ({ id: `${prefix}-${index + 1}`, text }));
}

/** Every category to `trackId`, except those named. */
export function categoriesTo(trackId: string, named: Partial<Record<EscalationCategory, string>> = {}): Record<EscalationCategory, string> {
  const all = allCategories(trackId);
  for (const category of escalationCategories) all[category] = named[category] ?? trackId;
  return all;
}

function allCategories(trackId: string): Record<EscalationCategory, string> {
  return {
    'internal-referral-disagreement': trackId,
    'cp-referral-not-accepted': trackId,
    'cin-referral-not-accepted': trackId,
    'cin-now-significant-harm': trackId,
    'cin-plan-not-progressing': trackId,
    'cp-plan-not-progressing': trackId,
    'case-conference-no-cp-plan': trackId,
    'cin-plan-discontinued': trackId,
    'cp-plan-discontinued': trackId,
    'early-help-requested-instead': trackId,
    'threshold-disagreement': trackId,
    'risk-disagreement': trackId,
    'action-or-inaction': trackId,
    'roles-unclear': trackId,
    'communication-breakdown': trackId,
    'information-sharing': trackId,
    'statutory-timescale-missed': trackId,
    other: trackId,
  };
}
