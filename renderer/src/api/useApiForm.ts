import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { z as zod } from 'zod';
import type { z } from 'zod';
import { api, type ApiInput, type ApiMethod, type ApiOutput } from '../../../shared/api';
import type { ApiError, FieldIssue } from '../../../shared/result';
import { apiBridge } from './client';

// One way every form works: values as typed (never lost on an error), the contract's own zod
// schema checked as you go (after a field is first left) and on submit, the server's field issues
// shown beside the same fields, and any other failure in one message at the top.

function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function issuesToErrors(issues: readonly FieldIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = pathKey(issue.path);
    if (!(key in errors)) errors[key] = issue.message;
  }
  return errors;
}

/** True when `value` passes the method's input schema: then it is that method's input. */
function isInputOf<M extends ApiMethod>(method: M, value: unknown): value is ApiInput<M> {
  const schema: z.ZodType = api[method].input;
  return schema.safeParse(value).success;
}

/** The fields of V that hold text. */
export type StringField<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V];

export interface BoundText {
  value: string;
  onChange: (event: { currentTarget: { value: string } }) => void;
  onBlur: () => void;
  error: string | undefined;
}

const jsonSchema = zod.json();

/** True when `value` could stand where `template` stands in the form's values (same kind of thing). */
function like<T>(template: T, value: unknown): value is T {
  if (template === null) return value === null || ['string', 'boolean', 'number'].includes(typeof value);
  if (Array.isArray(template)) return Array.isArray(value);
  return typeof value === typeof template && value !== null;
}

/** The draft's values where they fit the form, the form's own where they don't. */
function restoreLike<V>(template: V, candidate: unknown): V | null {
  if (typeof candidate !== 'object' || candidate === null || typeof template !== 'object' || template === null) return null;
  const restored: V = { ...template };
  for (const key in template) {
    const value: unknown = Reflect.get(candidate, key);
    if (like(template[key], value)) restored[key] = value;
  }
  return restored;
}

export interface ApiForm<V, M extends ApiMethod> {
  values: V;
  set: <K extends keyof V>(field: K, value: V[K]) => void;
  setValues: (update: (values: V) => V) => void;
  /** The message to show beside a field (by its path in the API input, e.g. 'otherProfessional.name'). */
  error: (path: string) => string | undefined;
  /** Call when a field loses focus: from then on its message shows as you type. */
  touch: (path: string) => void;
  /** Props for a text input or text area bound to a string field: value, onChange, onBlur, error. */
  bind: (field: StringField<V>, path?: string) => BoundText;
  submit: (event?: FormEvent) => Promise<ApiOutput<M> | null>;
  submitting: boolean;
  formError: ApiError | null;
  /** When a draft was restored into the form (what was typed before a lock or a crash). */
  restoredDraftAt: string | null;
  /** Changes when a draft is restored: use as a key so fields that keep their own text show it. */
  draftGeneration: number;
  discardDraft: () => void;
  /** Start afresh after a save: new values, and no messages until the next attempt. */
  reset: (values: V) => void;
}

export function useApiForm<V, M extends ApiMethod>(options: {
  method: M;
  initial: V;
  /** The API input these values make. Unknown, because half-filled forms are not valid inputs yet. */
  toInput: (values: V) => unknown;
  onSuccess?: (value: ApiOutput<M>) => void;
  /**
   * Keep what is typed as a draft in the encrypted file under this key, so a lock, a closed window
   * or a crash loses nothing. Never for passphrases.
   */
  draftKey?: string;
}): ApiForm<V, M> {
  const { method, toInput, onSuccess, draftKey } = options;
  const initialRef = useRef(options.initial);
  const [dirty, setDirty] = useState(false);
  const [restoredDraftAt, setRestoredDraftAt] = useState<string | null>(null);
  const [draftGeneration, setDraftGeneration] = useState(0);
  const [values, setValuesState] = useState<V>(options.initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const schema: z.ZodType = api[method].input;

  const clientErrors = useMemo(() => {
    const result = schema.safeParse(toInput(values));
    return result.success
      ? {}
      : issuesToErrors(
          result.error.issues.map((issue) => ({
            path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
            message: issue.message,
          })),
        );
  }, [schema, toInput, values]);

  const error = useCallback(
    (path: string) => {
      const shown = submitted || [...touched].some((field) => path === field || path.startsWith(`${field}.`));
      const message = serverErrors[path] ?? clientErrors[path];
      return shown ? message : undefined;
    },
    [clientErrors, serverErrors, submitted, touched],
  );

  const set = useCallback(<K extends keyof V>(field: K, value: V[K]) => {
    setDirty(true);
    setValuesState((current) => ({ ...current, [field]: value }));
    const name = String(field);
    setServerErrors((current) =>
      Object.fromEntries(Object.entries(current).filter(([key]) => key !== name && !key.startsWith(`${name}.`))),
    );
  }, []);

  const setValues = useCallback((update: (current: V) => V) => setValuesState(update), []);
  const touch = useCallback((path: string) => setTouched((current) => new Set(current).add(path)), []);

  const submit = useCallback(
    async (event?: FormEvent) => {
      event?.preventDefault();
      setSubmitted(true);
      setFormError(null);
      const input = toInput(values);
      if (!isInputOf(method, input)) return null;
      setSubmitting(true);
      try {
        const result = await apiBridge.call(method, input);
        if (result.ok) {
          if (draftKey) {
            setDirty(false);
            setRestoredDraftAt(null);
            void apiBridge.call('drafts.discard', { formKey: draftKey });
          }
          onSuccess?.(result.value);
          return result.value;
        }
        if (result.error.issues && result.error.issues.length > 0) {
          setServerErrors(issuesToErrors(result.error.issues));
          const unplaced = result.error.issues.filter((issue) => issue.path.length === 0);
          if (unplaced.length > 0) setFormError(result.error);
        } else {
          setFormError(result.error);
        }
        return null;
      } finally {
        setSubmitting(false);
      }
    },
    [method, onSuccess, toInput, values, draftKey],
  );

  // Restore a draft once, when the form first appears.
  useEffect(() => {
    if (!draftKey) return;
    let active = true;
    void apiBridge.call('drafts.get', { formKey: draftKey }).then((result) => {
      if (!active || !result.ok || !result.value) return;
      const restored = restoreLike(initialRef.current, result.value.content);
      if (!restored) return;
      setValuesState(restored);
      setRestoredDraftAt(result.value.updatedAt);
      setDraftGeneration((generation) => generation + 1);
    });
    return () => {
      active = false;
    };
  }, [draftKey]);

  // Keep the draft a moment after typing stops.
  useEffect(() => {
    if (!draftKey || !dirty) return;
    const timer = window.setTimeout(() => {
      const content = jsonSchema.safeParse(values);
      if (content.success) void apiBridge.call('drafts.save', { formKey: draftKey, content: content.data });
    }, 700);
    return () => window.clearTimeout(timer);
  }, [draftKey, dirty, values]);

  const discardDraft = useCallback(() => {
    if (!draftKey) return;
    void apiBridge.call('drafts.discard', { formKey: draftKey });
    setValuesState(initialRef.current);
    setDirty(false);
    setRestoredDraftAt(null);
    setDraftGeneration((generation) => generation + 1);
  }, [draftKey]);

  const bind = useCallback(
    (field: StringField<V>, path: string = String(field)): BoundText => {
      const current: unknown = values[field];
      return {
        value: typeof current === 'string' ? current : '',
        onChange: (event) => {
          const text = event.currentTarget.value;
          setDirty(true);
          setValuesState((previous) => ({ ...previous, [field]: text }));
          setServerErrors((previous) =>
            Object.fromEntries(Object.entries(previous).filter(([key]) => key !== path && !key.startsWith(`${path}.`))),
          );
        },
        onBlur: () => touch(path),
        error: error(path),
      };
    },
    [values, touch, error],
  );

  const reset = useCallback((next: V) => {
    setValuesState(next);
    setSubmitted(false);
    setTouched(new Set());
    setServerErrors({});
    setFormError(null);
    setDirty(false);
    setDraftGeneration((generation) => generation + 1);
  }, []);

  return {
    values,
    set,
    setValues,
    error,
    touch,
    bind,
    submit,
    submitting,
    formError,
    restoredDraftAt,
    draftGeneration,
    discardDraft,
    reset,
  };
}
