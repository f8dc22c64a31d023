/** Every workflow type the worker registers; the file the workflow bundle starts from. */
export { returnCase } from './returns/returnCase';
