export { notify } from './core/notify';
