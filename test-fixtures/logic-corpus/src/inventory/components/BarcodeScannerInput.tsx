import { useRef, useState, type KeyboardEvent } from 'react';

interface BarcodeScannerInputProps {
  onScan(ean: string): void;
  autoFocus?: boolean;
}

/** EAN-13 check digit: weights 1,3,1,3… over the first 12 digits, modulo 10. */
export function isValidEan13(code: string): boolean {
  if (!/^\d{13}$/.test(code)) return false;
  const digits = code.split('').map(Number);
  const sum = digits.slice(0, 12).reduce((acc, digit, index) => acc + digit * (index % 2 === 0 ? 1 : 3), 0);
  const check = (10 - (sum % 10)) % 10;
  return check === digits[12];
}

// Hardware scanners "type" a whole code in well under 50 ms; humans do not.
const SCANNER_MAX_MS_PER_CHAR = 30;

export function BarcodeScannerInput({ onScan, autoFocus = true }: BarcodeScannerInputProps) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const firstKeyAt = useRef<number | null>(null);

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (firstKeyAt.current === null) firstKeyAt.current = performance.now();
    if (event.key !== 'Enter') return;
    const elapsed = performance.now() - firstKeyAt.current;
    const fromScanner = elapsed / Math.max(value.length, 1) < SCANNER_MAX_MS_PER_CHAR;
    firstKeyAt.current = null;
    const code = value.replace(/\s/g, '');
    if (!isValidEan13(code)) {
      setError(fromScanner ? 'Scan failed, please scan again.' : 'That is not a valid EAN-13 barcode.');
      return;
    }
    setError(null);
    setValue('');
    onScan(code);
  };

  return (
    <div className="scanner-input">
      <input
        value={value}
        autoFocus={autoFocus}
        inputMode="numeric"
        maxLength={13}
        onKeyDown={handleKeyDown}
        onChange={(e: { target: HTMLInputElement }) => setValue(e.target.value)}
        aria-invalid={error !== null}
      />
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
