import { stock } from '../inventory';
import { id } from '../common/id';
export const ship = () => stock + id;
