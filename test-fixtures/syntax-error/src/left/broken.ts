import { right } from '../right';

export function half(: number {
  return right / 2
const unterminated = `template
