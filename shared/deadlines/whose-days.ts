import { regionLabels, type Calendar } from './types';

// Whose working days a deadline is counted in. A deadline another agency owes (children's social
// care's decision, a strategy discussion, a conference) is counted in that agency's working days:
// weekends and the region's bank holidays, never the setting's own closure days (an INSET day or a
// snow day is a working day at children's social care, and counting it away would show social care
// as on time when it was late). A deadline both sides share (a stage of an escalation) is counted
// the same way. Only a deadline the setting itself owes skips the setting's closures. The words go
// into every such deadline's explanation, so the date says which calendar it was worked out on.

/** Who owes a deadline: the setting, the other agency, or both together. */
export type Whose = 'setting' | 'other-agency' | 'shared';

export interface WhoseDays {
  /** The calendar to count on: the setting's closures only for the setting's own deadlines. */
  calendar: Calendar;
  /** The explanation's line naming the calendar, e.g. 'Children’s social care’s working days: …'. */
  label: string;
}

/**
 * The calendar for a deadline owed by `whose`, from the setting's own (its region and closures).
 * `agency` names the other agency in the words: children’s social care unless given.
 */
export function whoseDays(whose: Whose, setting: Calendar, agency?: string): WhoseDays {
  const region = setting.region;
  const holidays = `bank holidays in ${regionLabels[region]}`;
  switch (whose) {
    case 'setting':
      return {
        calendar: setting,
        label: `Counted in your setting’s working days: weekends, ${holidays} and your setting’s closure days are skipped`,
      };
    case 'other-agency':
      return {
        calendar: { region },
        label: `Counted in ${agency ?? 'children’s social care'}’s working days: weekends and ${holidays} are skipped; your setting’s closure days are not (they are working days there)`,
      };
    case 'shared':
      return {
        calendar: { region },
        label: `Counted in the working days both agencies share: weekends and ${holidays} are skipped; your setting’s closure days are not`,
      };
  }
}
