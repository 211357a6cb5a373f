import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { z as zod } from 'zod';
import type { z } from 'zod';
import { api, type ApiInput, type ApiMethod, type ApiOutput } from '../../../shared/api';
import type { ApiError } from '../../../shared/result';
import { apiBridge } from './client';
import { issuesToErrors, restoreLike, withoutField } from './form-values';

// One way every form works: values as typed (never lost on an error), the contract's own zod
// schema checked as you go (after a field is first left) and on submit, the server's field issues
// shown beside the same fields, and any other failure in one message at the top.
//
// A form is one sitting. Its starting values are made when it mounts (so a "When" is the time the
// form was opened, not the time the page was loaded) and made afresh after each successful save
// (so what was just saved never reappears as if it were a new record). Dialogs mount their form
// only while they are open, so a closed dialog holds no values and asks for no draft.
//
// A record is saved only by its save button, or Ctrl+Enter from any field: Enter in a one-line
// field does nothing (the browser would otherwise submit the whole record; see onKeyDown). A field
// left without being typed in says nothing until the form is sent: its message appearing as the
// focus moves on would shift what was about to be clicked (the unlock screen's "Forgotten your
// passphrase?" needed two clicks).

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

/** Inputs that are not one-line text: Enter on them is theirs (or nothing), never a save to stop. */
const NOT_ONE_LINE = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'image', 'color', 'range']);
type Json = z.infer<typeof jsonSchema>;

/** Starting values, or what makes them (for values that depend on the moment, such as "now"). */
type Initial<V> = V | (() => V);

function isMaker<V>(initial: Initial<V>): initial is () => V {
  return typeof initial === 'function';
}

function make<V>(initial: Initial<V>): V {
  return isMaker(initial) ? initial() : initial;
}

export interface ApiFormOptions<V, M extends ApiMethod> {
  method: M;
  /** Made when the form mounts and again after each successful save: pass a function when they hold "now". */
  initial: Initial<V>;
  /** The API input these values make. Unknown, because half-filled forms are not valid inputs yet. */
  toInput: (values: V) => unknown;
  onSuccess?: (value: ApiOutput<M>) => void;
  /**
   * Keep what is typed as a draft in the encrypted file under this key, so a lock, a closed window
   * or a crash loses nothing. Never for passphrases.
   */
  draftKey?: string;
  /**
   * Start afresh after a successful save: new starting values, no messages. On unless the form
   * should go on showing what was saved.
   */
  resetOnSuccess?: boolean;
  /**
   * What the form itself must hold back besides the contract's schema: messages by field path
   * (e.g. a due date already past, until the person confirms it). Shown like the schema's, and
   * nothing is sent while there are any. Pass a stable function (module level or useCallback).
   */
  check?: (values: V) => Record<string, string>;
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
  /**
   * For the form element of a record: Enter in a one-line field is not a save (the browser's
   * implicit submission is stopped); Ctrl+Enter (⌘+Enter) saves from any field, text areas too.
   */
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  submitting: boolean;
  formError: ApiError | null;
  /** When a draft was restored into the form (what was typed before a lock or a crash). */
  restoredDraftAt: string | null;
  /**
   * Changes whenever the values are replaced from outside the fields (a draft restored or
   * discarded, a fresh start after a save): use as a key so fields that keep their own text show it.
   */
  draftGeneration: number;
  discardDraft: () => void;
}

export function useApiForm<V, M extends ApiMethod>(options: ApiFormOptions<V, M>): ApiForm<V, M> {
  const { method, toInput, onSuccess, draftKey, resetOnSuccess = true, check } = options;
  // The latest way to make starting values, for the fresh start after a save.
  const initialRef = useRef(options.initial);
  useEffect(() => {
    initialRef.current = options.initial;
  });
  const [start, setStart] = useState<V>(() => make(options.initial));
  const [values, setValuesState] = useState<V>(start);
  const [dirty, setDirty] = useState(false);
  const [restoredDraftAt, setRestoredDraftAt] = useState<string | null>(null);
  const [draftGeneration, setDraftGeneration] = useState(0);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  /** What is typed and not yet kept as a draft (kept a moment after typing stops). */
  const pendingDraft = useRef<Json | null>(null);
  const schema: z.ZodType = api[method].input;

  const formErrors = useMemo(() => check?.(values) ?? {}, [check, values]);
  const clientErrors = useMemo(() => {
    const result = schema.safeParse(toInput(values));
    const schemaErrors = result.success
      ? {}
      : issuesToErrors(
          result.error.issues.map((issue) => ({
            path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
            message: issue.message,
          })),
        );
    return { ...formErrors, ...schemaErrors };
  }, [schema, toInput, values, formErrors]);

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
    setServerErrors((current) => withoutField(current, String(field)));
  }, []);

  const setValues = useCallback((update: (current: V) => V) => setValuesState(update), []);
  const touch = useCallback((path: string) => setTouched((current) => new Set(current).add(path)), []);
  /** Fields typed in this sitting (by bind's path): only these say what is wrong when left. */
  const edited = useRef(new Set<string>());

  /** A new sitting: fresh starting values (a fresh "now"), no messages until the next attempt. */
  const startAfresh = useCallback(() => {
    const next = make(initialRef.current);
    pendingDraft.current = null;
    setStart(next);
    setValuesState(next);
    setSubmitted(false);
    setTouched(new Set());
    setServerErrors({});
    setFormError(null);
    setDirty(false);
    setRestoredDraftAt(null);
    setDraftGeneration((generation) => generation + 1);
    edited.current = new Set();
  }, []);

  const submit = useCallback(
    async (event?: FormEvent) => {
      event?.preventDefault();
      setSubmitted(true);
      setFormError(null);
      const input = toInput(values);
      if (!isInputOf(method, input) || Object.keys(formErrors).length > 0) return null;
      setSubmitting(true);
      try {
        const result = await apiBridge.call(method, input);
        if (result.ok) {
          if (draftKey) {
            // Saved as a record: the draft has done its job.
            pendingDraft.current = null;
            setDirty(false);
            setRestoredDraftAt(null);
            void apiBridge.call('drafts.discard', { formKey: draftKey });
          }
          if (resetOnSuccess) startAfresh();
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
    [method, onSuccess, toInput, values, draftKey, resetOnSuccess, startAfresh, formErrors],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        void submit();
        return;
      }
      const target = event.target;
      if (target instanceof HTMLInputElement && !NOT_ONE_LINE.has(target.type)) event.preventDefault();
    },
    [submit],
  );

  // Restore a draft once, when the form first appears: the one drafts.get of this sitting.
  useEffect(() => {
    if (!draftKey) return;
    let active = true;
    void apiBridge.call('drafts.get', { formKey: draftKey }).then((result) => {
      if (!active || !result.ok || !result.value) return;
      const { content, updatedAt } = result.value;
      if (typeof content !== 'object' || content === null || Array.isArray(content)) return;
      setValuesState((current) => restoreLike(current, content) ?? current);
      setRestoredDraftAt(updatedAt);
      setDraftGeneration((generation) => generation + 1);
    });
    return () => {
      active = false;
    };
  }, [draftKey]);

  // Keep the draft a moment after typing stops.
  useEffect(() => {
    if (!draftKey || !dirty) {
      pendingDraft.current = null;
      return;
    }
    const content = jsonSchema.safeParse(values);
    if (!content.success) return;
    pendingDraft.current = content.data;
    const timer = window.setTimeout(() => {
      pendingDraft.current = null;
      void apiBridge.call('drafts.save', { formKey: draftKey, content: content.data });
    }, 700);
    return () => window.clearTimeout(timer);
  }, [draftKey, dirty, values]);

  // A form closed within that moment (Cancel, Escape) keeps its last words too.
  useEffect(() => {
    if (!draftKey) return;
    const pending = pendingDraft;
    return () => {
      const content = pending.current;
      pending.current = null;
      if (content !== null) void apiBridge.call('drafts.save', { formKey: draftKey, content });
    };
  }, [draftKey]);

  const discardDraft = useCallback(() => {
    if (!draftKey) return;
    pendingDraft.current = null;
    void apiBridge.call('drafts.discard', { formKey: draftKey });
    setValuesState(start);
    setDirty(false);
    setRestoredDraftAt(null);
    setDraftGeneration((generation) => generation + 1);
  }, [draftKey, start]);

  const bind = useCallback(
    (field: StringField<V>, path: string = String(field)): BoundText => {
      const current: unknown = values[field];
      return {
        value: typeof current === 'string' ? current : '',
        onChange: (event) => {
          const text = event.currentTarget.value;
          edited.current.add(path);
          setDirty(true);
          setValuesState((previous) => ({ ...previous, [field]: text }));
          setServerErrors((previous) => withoutField(previous, path));
        },
        onBlur: () => {
          if (edited.current.has(path)) touch(path);
        },
        error: error(path),
      };
    },
    [values, touch, error],
  );

  return {
    values,
    set,
    setValues,
    error,
    touch,
    bind,
    submit,
    onKeyDown,
    submitting,
    formError,
    restoredDraftAt,
    draftGeneration,
    discardDraft,
  };
}
