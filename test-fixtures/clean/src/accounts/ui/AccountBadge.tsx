import type { Account } from '../core/account';

export function AccountBadge(props: { account: Account }) {
  return <span>{props.account.owner}</span>;
}
