/**
 * A funding basis built by the site's build, in native DuckDB, over more contributions than a browser should hold
 * (`GP_DATA_DIR` with a large contributions table): written beside the extracts as Parquet, one file per basis
 * table, and adopted by the browser (and by the prerender) in place of building one. The basis is what every
 * funding figure reads (funding-basis.ts), so the views, rules and exports answer from it as they always do; only
 * the contribution rows themselves are summarised (the bundle keeps the largest).
 */
import { PRIORITY_AREAS, STAGES } from '../contract';
import { BASIS_DIR, type BasisFile } from '../bundled';
import { quoteIdent, quoteLiteral, trusted, type ArrowDb, type Db } from '../db';
import { readExtract } from '../read-extract';
import {
  BASIS_SCHEMA,
  BASIS_TABLES,
  CITED_SOURCES,
  CODES,
  DROP_FUNDING_BASIS,
  PER_YEAR
} from './funding-basis';
import { enumOf } from './funding-basis-build';
import { deferBasisTable, fundingBasisAdopted } from './funding-basis-state';

/** Every table of a built basis (views included, written as tables), each with its file's name. */
export const SHIPPED_BASIS = [
  ...BASIS_TABLES.map((t) => t.name),
  PER_YEAR.spread,
  PER_YEAR.first_year,
  CODES,
  CITED_SOURCES
].map((name) => ({
  name,
  file: `${name.slice(BASIS_SCHEMA.length + 1)}.parquet`,
  // Parquet keeps an ENUM as text: a coded table gets its enums back, which match-making groups on.
  coded: BASIS_TABLES.some((t) => t.name === name && t.coded),
  // The finest table (partner, recipient and years) can hold nearly a group per contribution: the browser reads it
  // when a query first needs it (a partner over years, match-making over a year range), not before the first chart.
  deferred: name === BASIS_TABLES[0].name
}));

/**
 * Writes every table of the basis `db` has built into `dir`, as Parquet. A struct column (a source's kind and
 * title, the largest contribution) is written as flat columns named `struct.field`: the app's Parquet reader reads
 * flat columns only, and adopting puts the structs back.
 */
export async function exportBasis(db: Db, dir: string): Promise<void> {
  await db.exec(
    `CREATE TABLE ${CITED_SOURCES} AS SELECT DISTINCT source_id FROM contributions ORDER BY source_id`
  );
  for (const t of SHIPPED_BASIS) {
    const columns = await db.query<{ column_name: string; column_type: string }>(
      trusted(`DESCRIBE SELECT * FROM ${t.name}`)
    );
    const select: string[] = [];
    for (const c of columns) {
      if (!c.column_type.startsWith('STRUCT(')) {
        select.push(quoteIdent(c.column_name));
        continue;
      }
      const fields = await db.query<{ column_name: string }>(
        trusted(`DESCRIBE SELECT ${quoteIdent(c.column_name)}.* FROM ${t.name}`)
      );
      for (const f of fields)
        select.push(
          `${quoteIdent(c.column_name)}.${quoteIdent(f.column_name)} AS ${quoteIdent(`${c.column_name}.${f.column_name}`)}`
        );
    }
    await db.exec(
      `COPY (SELECT ${select.join(', ')} FROM ${t.name}) TO ${quoteLiteral(`${dir}/${t.file}`)} (FORMAT parquet, COMPRESSION zstd)`
    );
  }
}

type Shipped = (typeof SHIPPED_BASIS)[number];

/** Makes one basis table from its shipped file, read as the relation `from`: its structs put back. */
async function adoptTable(db: Db, t: Shipped, from: string): Promise<void> {
  const columns = await db.query<{ column_name: string }>(trusted(`DESCRIBE SELECT * FROM ${from}`));
  const select: string[] = [];
  const structs = new Map<string, string[]>();
  for (const { column_name: name } of columns) {
    const [struct, field] = name.split('.') as [string, string | undefined];
    if (field === undefined) {
      const values =
        t.coded && name === 'priority_area' ? PRIORITY_AREAS : t.coded && name === 'stage' ? STAGES : null;
      // Parquet keeps an ENUM as text: a coded table gets its enums back, which match-making groups on.
      select.push(
        values ? `CAST(${quoteIdent(name)} AS ${enumOf(values)}) AS ${quoteIdent(name)}` : quoteIdent(name)
      );
      continue;
    }
    if (!structs.has(struct)) {
      structs.set(struct, []);
      select.push(struct);
    }
    structs.get(struct)!.push(`${quoteIdent(field)} := ${quoteIdent(name)}`);
  }
  const list = select.map((c) =>
    structs.has(c) ? `struct_pack(${structs.get(c)!.join(', ')}) AS ${quoteIdent(c)}` : c
  );
  await db.exec(`CREATE TABLE ${t.name} AS SELECT ${list.join(', ')} FROM ${from};`);
}

const NEW_SCHEMA = `${DROP_FUNDING_BASIS} CREATE SCHEMA ${BASIS_SCHEMA};`;

/** The prerender's native DuckDB: the shipped basis read from the data folder `dir`. */
export async function adoptBasisFromFolder(db: Db, dir: string): Promise<void> {
  await db.exec(NEW_SCHEMA);
  for (const t of SHIPPED_BASIS)
    await adoptTable(db, t, `read_parquet(${quoteLiteral(`${dir}/${BASIS_DIR}/${t.file}`)})`);
  fundingBasisAdopted(db);
}

/**
 * The browser: each shipped file fetched, decoded as the extracts are, and made into its basis table; the finest
 * when a query first needs it.
 */
export async function adoptBasisFromFiles(db: ArrowDb, files: readonly BasisFile[]): Promise<void> {
  const fileOf = (t: Shipped) => {
    const file = files.find((f) => f.file === t.file);
    if (!file) throw new Error(`the shipped funding basis has no ${t.file}`);
    return file;
  };
  const adoptFile = async (t: Shipped, bytes: Uint8Array) => {
    const staging = `basis_staging_${t.file.replace(/\W/g, '_')}`;
    try {
      await db.exec(`DROP TABLE IF EXISTS ${staging}`);
      await readExtract(db, staging, { table: 'contributions', file: t.file, bytes }, () => {});
      await adoptTable(db, t, staging);
    } finally {
      await db.exec(`DROP TABLE IF EXISTS ${staging}`);
    }
  };
  const now = SHIPPED_BASIS.filter((t) => !t.deferred);
  const read = await Promise.all(now.map((t) => fileOf(t).read()));
  await db.exec(NEW_SCHEMA);
  for (const [i, t] of now.entries()) await adoptFile(t, read[i]!);
  fundingBasisAdopted(db);
  for (const t of SHIPPED_BASIS.filter((t) => t.deferred))
    deferBasisTable(db, t.name, async () => adoptFile(t, await fileOf(t).read()));
}
