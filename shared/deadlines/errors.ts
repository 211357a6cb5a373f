// One error type for every bad input to the deadline calculator, so callers (the dispatcher, forms,
// tests) can say exactly which field was wrong instead of showing a generic failure.

export class DeadlineInputError extends Error {
  /** The offending field, addressed like the input: 'eventAt', 'rule.days', 'calendar.extraClosures[2]'. */
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'DeadlineInputError';
    this.field = field;
  }
}
