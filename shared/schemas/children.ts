import { DateTime } from 'luxon';
import { z } from 'zod';
import { LONDON, fullNameSchema, idSchema, isoDateSchema, optionalText, requiredText } from './common';
import { pageFields } from './paging';

export const levelsOfNeed = [1, 2, 3, 4] as const;
export type LevelOfNeed = (typeof levelsOfNeed)[number];
export const levelOfNeedLabels: Record<LevelOfNeed, string> = {
  1: 'Level 1: universal',
  2: 'Level 2: early help',
  3: 'Level 3: complex early help',
  4: 'Level 4: child in need or child protection',
};

export const planStatuses = ['none', 'early-help', 'child-in-need', 'child-protection', 'looked-after'] as const;
type PlanStatus = (typeof planStatuses)[number];
export const planStatusLabels: Record<PlanStatus, string> = {
  none: 'No plan',
  'early-help': 'Early help plan',
  'child-in-need': 'Child in need plan',
  'child-protection': 'Child protection plan',
  'looked-after': 'Looked after',
};

const childFields = {
  firstName: requiredText("the child's first name", 60),
  lastName: requiredText("the child's last name", 60),
  dateOfBirth: isoDateSchema('the date of birth').refine(
    (value) => {
      const dob = DateTime.fromISO(value, { zone: LONDON });
      const today = DateTime.now().setZone(LONDON).startOf('day');
      return dob <= today && dob >= today.minus({ years: 25 });
    },
    { message: 'The date of birth must be in the past and within the last 25 years.' },
  ),
  classOrYear: requiredText('the class or year group', 40),
  levelOfNeed: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
    message: 'Choose the level of need (1 to 4).',
  }),
  planStatus: z.enum(planStatuses, { message: 'Choose the plan status.' }),
  socialWorkerName: optionalText("the social worker's name", 120).pipe(
    z.union([z.null(), fullNameSchema("the social worker's full name")]),
  ),
  socialWorkerContact: optionalText("the social worker's contact details", 200),
};

export const createChildInput = z
  .object({
    ...childFields,
    /**
     * Ticked when a child with the same name and date of birth (accents and case aside) is already on
     * the register and this is a different child: without it the core refuses, naming the other record.
     */
    confirmedNotDuplicate: z.boolean().optional(),
  })
  .strict();

/** The children already on the register with this name and date of birth (checked as the form is filled in). */
export const childDuplicatesInput = z
  .object({
    firstName: z.string().trim().max(60),
    lastName: z.string().trim().max(60),
    dateOfBirth: z.string().max(10),
  })
  .strict();

/** The register in its order (surname, first name), a page at a time; `search` as the DSL types it (shared/children/name-keys.ts). */
export const listChildrenInput = z
  .object({ search: z.string().trim().max(120, { message: 'Search for 120 characters or fewer.' }).optional(), ...pageFields })
  .strict();

export const getChildInput = z.object({ id: idSchema }).strict();

export const amendChildInput = z
  .object({
    id: idSchema,
    changes: z.object(childFields).partial().strict(),
    reason: requiredText('why this record is being amended', 500),
  })
  .strict()
  .refine((value) => Object.keys(value.changes).length > 0, {
    path: ['changes'],
    message: 'Change at least one detail.',
  });

export interface Child {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  classOrYear: string;
  levelOfNeed: LevelOfNeed;
  planStatus: PlanStatus;
  socialWorkerName: string | null;
  socialWorkerContact: string | null;
  createdAt: string;
  createdBy: string;
  amended: boolean;
}

export interface ChildSummary {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  classOrYear: string;
  levelOfNeed: LevelOfNeed;
  planStatus: PlanStatus;
}

export function childFullName(child: { firstName: string; lastName: string }): string {
  return `${child.firstName} ${child.lastName}`;
}
