import { useState, type FormEvent } from 'react';
import type { Customer } from '../core/types';

type ProfileFields = Pick<Customer, 'firstName' | 'lastName' | 'email' | 'phone'>;
type FieldErrors = Partial<Record<keyof ProfileFields, string>>;

interface CustomerProfileFormProps {
  initial: ProfileFields;
  onSave(values: ProfileFields): Promise<void>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const PHONE = /^\+?[0-9 ()-]{7,20}$/;

export function validateProfile(values: ProfileFields): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.firstName.trim()) errors.firstName = 'First name is required';
  else if (values.firstName.length > 50) errors.firstName = 'First name is too long';
  if (!values.lastName.trim()) errors.lastName = 'Last name is required';
  if (!EMAIL.test(values.email)) errors.email = 'Enter a valid email address';
  if (values.phone && !PHONE.test(values.phone)) errors.phone = 'Enter a valid phone number';
  return errors;
}

export function CustomerProfileForm({ initial, onSave }: CustomerProfileFormProps) {
  const [values, setValues] = useState<ProfileFields>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');

  const field = (name: keyof ProfileFields, label: string, type = 'text') => (
    <div className={errors[name] ? 'field field--invalid' : 'field'}>
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        type={type}
        value={values[name] ?? ''}
        aria-invalid={Boolean(errors[name])}
        onChange={(e: { target: HTMLInputElement }) => setValues({ ...values, [name]: e.target.value })}
      />
      {errors[name] && <span className="field__error">{errors[name]}</span>}
    </div>
  );

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateProfile(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setStatus('saving');
    try {
      await onSave({ ...values, email: values.email.trim().toLowerCase() });
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      {field('firstName', 'First name')}
      {field('lastName', 'Last name')}
      {field('email', 'Email', 'email')}
      {field('phone', 'Phone (optional)', 'tel')}
      <button type="submit" disabled={status === 'saving'}>{status === 'saving' ? 'Saving…' : 'Save changes'}</button>
      {status === 'saved' && <p role="status">Your profile was updated.</p>}
      {status === 'failed' && <p role="alert">We could not save your changes.</p>}
    </form>
  );
}
