import { levelsOfNeed, planStatusLabels, planStatuses, type LevelOfNeed } from '../../../../shared/schemas/children';

// A child's details as the forms that add a child and change one hold them: text as typed, the level
// of need as its digit ('' before one is chosen), with the labels and choices both forms show.

export interface ChildDetailValues {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  classOrYear: string;
  levelOfNeed: string;
  planStatus: string;
  socialWorkerName: string;
  socialWorkerContact: string;
}

/** The details typed as text, and their labels. */
export const childTextLabels = {
  firstName: 'First name',
  lastName: 'Last name',
  classOrYear: 'Class or year group',
  socialWorkerName: 'Allocated social worker’s full name',
  socialWorkerContact: 'Social worker’s contact details',
} as const;

export type ChildTextField = keyof typeof childTextLabels;

/** The level of need's choices, in the words `label` gives each level. */
export function levelOfNeedChoices(label: (level: LevelOfNeed) => string): { value: string; label: string }[] {
  return levelsOfNeed.map((level) => ({ value: String(level), label: label(level) }));
}

export const planChoices = planStatuses.map((status) => ({ value: status, label: planStatusLabels[status] }));
