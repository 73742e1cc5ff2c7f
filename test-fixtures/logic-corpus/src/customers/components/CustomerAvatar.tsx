import type { Customer } from '../core/types';

interface CustomerAvatarProps {
  customer: Pick<Customer, 'firstName' | 'lastName' | 'email'>;
  size?: number;
  imageUrl?: string;
}

const PALETTE = ['#F87171', '#FBBF24', '#34D399', '#60A5FA', '#A78BFA', '#F472B6', '#2DD4BF'];

function initials(firstName: string, lastName: string): string {
  return `${firstName.trim().charAt(0)}${lastName.trim().charAt(0)}`.toUpperCase() || '?';
}

/** Stable colour per person so the same customer always gets the same avatar. */
function colourFor(seed: string): string {
  let hash = 0;
  for (let i = 0; i < seed.length; i++) {
    hash = (hash * 31 + seed.charCodeAt(i)) | 0;
  }
  return PALETTE[Math.abs(hash) % PALETTE.length];
}

export function CustomerAvatar({ customer, size = 40, imageUrl }: CustomerAvatarProps) {
  const fontSize = Math.round(size * 0.42);
  const style = { width: size, height: size, fontSize, lineHeight: `${size}px`, borderRadius: size / 2 };

  if (imageUrl) {
    return <img src={imageUrl} alt="" className="avatar" style={style} width={size} height={size} />;
  }

  return (
    <span className="avatar avatar--initials" style={{ ...style, backgroundColor: colourFor(customer.email) }} aria-hidden="true">
      {initials(customer.firstName, customer.lastName)}
    </span>
  );
}
