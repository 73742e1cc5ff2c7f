import { describe } from '../api';

export const page = () => describe();
