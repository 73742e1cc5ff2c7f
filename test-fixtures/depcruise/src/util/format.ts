// util reaching up into api: the team's dependency-cruiser rule "util-is-a-leaf" (util is not declared to depend on api either).
import { ENDPOINT } from '../api';

export const label = (s: string) => `${ENDPOINT}:${s}`;
