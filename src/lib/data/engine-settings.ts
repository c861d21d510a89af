/**
 * DuckDB would otherwise download extensions (Parquet, JSON, ...) from the internet on first use: in the browser
 * that is a request to a third party, and in Node it hangs. Everything it needs is decoded in JavaScript instead.
 */
export const EXTENSIONS_OFF =
  'SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;';
