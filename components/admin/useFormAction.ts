'use client';

import { startTransition, useActionState, type FormEvent } from 'react';
import type { ActionState } from '@/app/(dashboard)/admin/users/actions';

/**
 * useActionState for a form that keeps what was typed when the server refuses it: React resets a form after its
 * `action` runs, so the submit is dispatched by hand instead. Without JavaScript the form still posts to `action`.
 */
export function useFormAction(action: (state: ActionState, form: FormData) => Promise<ActionState>) {
  const [state, dispatch, pending] = useActionState(action, {});
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  };
  return { state, dispatch, pending, onSubmit };
}
