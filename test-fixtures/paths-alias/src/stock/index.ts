export { available } from './levels';
