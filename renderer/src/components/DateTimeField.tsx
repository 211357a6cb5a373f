import { Group, Input, TextInput } from '@mantine/core';
import { DateTime } from 'luxon';
import { useId, useState } from 'react';

// UK date and time fields that look the same on every PC: dd/mm/yyyy and 24-hour hh:mm, London
// time. (A browser's own date controls follow the computer's language settings, which may not be
// British.) What was typed is kept as typed; the form's schema says what is wrong with it.

const LONDON = 'Europe/London';

function isoDateToUk(iso: string): string {
  const date = DateTime.fromISO(iso, { zone: LONDON });
  return date.isValid && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? date.toFormat('dd/MM/yyyy') : iso;
}

/** '23/11/2026' or '23/11/26' or '2/3/2026' → '2026-11-23'; anything else is returned unchanged (and fails validation). */
function ukToIsoDate(text: string): string {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\s*$/.exec(text);
  if (!match) return text;
  const [, day = '', month = '', yearText = ''] = match;
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const date = DateTime.fromObject({ year, month: Number(month), day: Number(day) }, { zone: LONDON });
  return date.isValid ? date.toFormat('yyyy-MM-dd') : text;
}

function parseTime(text: string): { hour: number; minute: number } | null {
  const match = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(text);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour < 24 && minute < 60 ? { hour, minute } : null;
}

/** A calendar date; the value in and out is 'YYYY-MM-DD' (or the text typed, until it is a date). */
export function DateField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string | undefined;
  description?: string;
  required?: boolean;
}) {
  const [text, setText] = useState(() => (props.value ? isoDateToUk(props.value) : ''));
  // Emptied from outside (a filter's "Clear"): what was typed goes too. Typing never gives '' with text
  // left in the box (an unreadable date is passed on as typed), so this is only ever a reset.
  if (props.value === '' && text.trim() !== '') setText('');
  return (
    <TextInput
      label={props.label}
      description={props.description ?? 'dd/mm/yyyy'}
      placeholder="dd/mm/yyyy"
      required={props.required ?? true}
      inputMode="numeric"
      autoComplete="off"
      value={text}
      onChange={(event) => {
        const typed = event.currentTarget.value;
        setText(typed);
        props.onChange(typed.trim() === '' ? '' : ukToIsoDate(typed));
      }}
      onBlur={props.onBlur}
      error={props.error}
    />
  );
}

/** A date and time in London; the value in and out is an ISO instant with its offset. */
export function DateTimeField(props: {
  label: string;
  value: string;
  onChange: (iso: string) => void;
  onBlur?: () => void;
  error?: string | undefined;
  description?: string;
  /** Marked required (the default), or not: an optional date says so by having no asterisk. */
  required?: boolean;
}) {
  const id = useId();
  const initial = props.value ? DateTime.fromISO(props.value, { setZone: true }).setZone(LONDON) : null;
  const [dateText, setDateText] = useState(initial?.isValid ? initial.toFormat('dd/MM/yyyy') : '');
  const [timeText, setTimeText] = useState(initial?.isValid ? initial.toFormat('HH:mm') : '');

  const emit = (nextDate: string, nextTime: string) => {
    if (nextDate.trim() === '' && nextTime.trim() === '') return props.onChange('');
    const isoDate = ukToIsoDate(nextDate);
    const time = parseTime(nextTime);
    const instant =
      /^\d{4}-\d{2}-\d{2}$/.test(isoDate) && time
        ? DateTime.fromISO(isoDate, { zone: LONDON }).set({ hour: time.hour, minute: time.minute })
        : null;
    // An unreadable date or time is passed on as typed, so the form says what is wrong with it.
    props.onChange(instant?.isValid ? (instant.toISO() ?? '') : `${nextDate} ${nextTime}`.trim());
  };

  // The two boxes are described by the field's hint and, when there is one, its message (the
  // wrapper's own ids), so a screen reader says what is wrong on reaching either. (Bare inputs with
  // Mantine's own aria off: it would give both the wrapper's one id.)
  const describedBy = `${props.error ? `${id}-error ` : ''}${id}-description`;
  return (
    <Input.Wrapper
      label={props.label}
      description={props.description ?? 'dd/mm/yyyy and 24-hour time, UK time'}
      required={props.required ?? true}
      error={props.error}
      id={id}
    >
      <Group gap="xs" wrap="nowrap" role="group" aria-label={props.label}>
        <Input
          withAria={false}
          aria-invalid={props.error ? true : undefined}
          aria-label={`${props.label}: date`}
          aria-describedby={describedBy}
          placeholder="dd/mm/yyyy"
          inputMode="numeric"
          autoComplete="off"
          value={dateText}
          onChange={(event) => {
            const typed = event.currentTarget.value;
            setDateText(typed);
            emit(typed, timeText);
          }}
          onBlur={props.onBlur}
          error={Boolean(props.error)}
          style={{ flex: 1 }}
        />
        <Input
          withAria={false}
          aria-invalid={props.error ? true : undefined}
          aria-label={`${props.label}: time`}
          aria-describedby={describedBy}
          placeholder="hh:mm"
          inputMode="numeric"
          autoComplete="off"
          value={timeText}
          onChange={(event) => {
            const typed = event.currentTarget.value;
            setTimeText(typed);
            emit(dateText, typed);
          }}
          onBlur={props.onBlur}
          error={Boolean(props.error)}
          w={100}
        />
      </Group>
    </Input.Wrapper>
  );
}
