import { label } from '../util/format';

export const ENDPOINT = '/v1/things';
export const describe = () => label('api');
