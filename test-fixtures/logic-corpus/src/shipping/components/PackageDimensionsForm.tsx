import { useState } from 'react';
import type { Parcel } from '../core/types';

type Unit = 'metric' | 'imperial';

interface PackageDimensionsFormProps {
  initial?: Parcel;
  onSubmit(parcel: Parcel): void;
}

const CM_PER_INCH = 2.54;
const GRAMS_PER_POUND = 453.592;

const toDisplay = (cm: number, unit: Unit) => (unit === 'metric' ? cm : Math.round((cm / CM_PER_INCH) * 10) / 10);
const fromDisplay = (value: number, unit: Unit) => (unit === 'metric' ? value : value * CM_PER_INCH);

function validate(values: Record<string, string>): string | null {
  for (const [field, raw] of Object.entries(values)) {
    const n = Number(raw);
    if (raw.trim() === '' || Number.isNaN(n)) return `${field} must be a number`;
    if (n <= 0) return `${field} must be greater than zero`;
    if (n > 10_000) return `${field} looks too large`;
  }
  return null;
}

export function PackageDimensionsForm({ initial, onSubmit }: PackageDimensionsFormProps) {
  const [unit, setUnit] = useState<Unit>('metric');
  const [values, setValues] = useState<Record<string, string>>({
    length: String(initial?.lengthCm ?? ''),
    width: String(initial?.widthCm ?? ''),
    height: String(initial?.heightCm ?? ''),
    weight: String(initial?.weightGrams ?? ''),
  });
  const [error, setError] = useState<string | null>(null);

  const switchUnit = (next: Unit) => {
    if (next === unit) return;
    const convert = (v: string) => String(toDisplay(fromDisplay(Number(v) || 0, unit), next));
    const weight = Number(values.weight) || 0;
    setValues({
      length: convert(values.length),
      width: convert(values.width),
      height: convert(values.height),
      weight: String(next === 'imperial' ? Math.round((weight / GRAMS_PER_POUND) * 100) / 100 : Math.round(weight * GRAMS_PER_POUND)),
    });
    setUnit(next);
  };

  const submit = () => {
    const problem = validate(values);
    setError(problem);
    if (problem) return;
    const weight = Number(values.weight);
    onSubmit({
      lengthCm: fromDisplay(Number(values.length), unit),
      widthCm: fromDisplay(Number(values.width), unit),
      heightCm: fromDisplay(Number(values.height), unit),
      weightGrams: unit === 'metric' ? weight : Math.round(weight * GRAMS_PER_POUND),
    });
  };

  return (
    <div className="dimensions-form">
      <div className="segmented">
        <button type="button" aria-pressed={unit === 'metric'} onClick={() => switchUnit('metric')}>cm / g</button>
        <button type="button" aria-pressed={unit === 'imperial'} onClick={() => switchUnit('imperial')}>in / lb</button>
      </div>
      {(['length', 'width', 'height', 'weight'] as const).map((field) => (
        <input key={field} inputMode="decimal" placeholder={field} value={values[field]}
          onChange={(e: { target: HTMLInputElement }) => setValues({ ...values, [field]: e.target.value })} />
      ))}
      {error && <p className="field-error">{error}</p>}
      <button type="button" onClick={submit}>Save parcel</button>
    </div>
  );
}
