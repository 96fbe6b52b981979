"use client";
// A form's typed values survive a refused submission. React resets a <form action={…}> after every
// action, refused or not, so a name with one wrong character would have to be typed again; sending
// the form from onSubmit instead (with the button that was pressed, for its name and value) keeps it.
import { type FormEvent, startTransition } from "react";

export function keepValues(action: (form: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const form = new FormData(event.currentTarget, submitter);
    startTransition(() => action(form));
  };
}
