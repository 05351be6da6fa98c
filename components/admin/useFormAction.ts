'use client';

import { startTransition, useActionState, type FormEvent } from 'react';
import type { ActionState } from '@/app/(dashboard)/admin/users/actions';

/**
 * useActionState for a form that keeps what was typed when the server refuses it: React resets a form after its
 * `action` runs, so the submit is dispatched by hand instead. Without JavaScript the form still posts to `action`.
 */
export function useFormAction<S extends ActionState = ActionState>(action: (state: Awaited<S>, form: FormData) => Promise<S>) {
  const [state, dispatch, pending] = useActionState<S, FormData>(action, {} as Awaited<S>);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  };
  return { state, dispatch, pending, onSubmit };
}
