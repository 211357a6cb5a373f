// How a conversation at a stage took place: the policies ask for every contact to be recorded with
// how it happened (phone, meeting, email, letter), since a phone call is followed up in writing.

export const contactMethods = ['phone', 'meeting', 'virtual', 'email', 'letter'] as const;
export type ContactMethod = (typeof contactMethods)[number];

export const contactMethodLabels: Record<ContactMethod, string> = {
  phone: 'Phone call',
  meeting: 'Meeting in person',
  virtual: 'Virtual meeting',
  email: 'Email',
  letter: 'Letter',
};
