import { readFile } from "node:fs/promises";
import { getDMMF } from "@prisma/internals";
import type { Client } from "pg";

/**
 * A database schema reduced to what Prisma Migrate controls, built two ways: from
 * schema.prisma (what the migrations *should* have produced) and from a live database
 * (what they *did* produce). compareSchemas() lists the differences, so a test can prove
 * the hand-written migrations match the data model without Prisma's schema engine.
 *
 * Only the `public` schema is modelled; `_prisma_migrations`, functions and triggers
 * (e.g. the AuditEvent append-only trigger) are outside Prisma's data model and ignored.
 */

export interface ColumnModel {
  /** As PostgreSQL's format_type() prints it, identifiers unquoted: "text", "timestamp(3) without time zone", "Role", "text[]". */
  type: string;
  nullable: boolean;
  /**
   * The database default, normalised: undefined for none, "autoincrement" for a sequence,
   * "now" for CURRENT_TIMESTAMP, the literal value for literals, and "present" where only
   * the presence can be compared (dbgenerated(), Json and DateTime literals).
   */
  default?: string;
  /**
   * A STORED generated column's expression, as pg_get_expr() prints it. schema.prisma
   * cannot say "generated", so an `Unsupported(...)` field with `@default(dbgenerated("expr"))`
   * stands for one (PostgreSQL refuses a default that reads other columns anyway); one whose
   * expression is a literal (`'english'::regconfig`) stands for a default.
   */
  generated?: string;
}

export interface IndexModel {
  unique: boolean;
  /**
   * Key columns in order; a descending column is suffixed " DESC", an expression is shown as
   * written, and an operator class other than the type's default follows the column ("text gin_trgm_ops").
   */
  columns: string[];
  /** Access method: btree, hash, gin, gist, spgist, brin. */
  method: string;
  /** The WHERE clause of a partial index (database side only; Prisma does not model them). */
  where?: string;
}

export type ReferentialAction = "CASCADE" | "RESTRICT" | "NO ACTION" | "SET NULL" | "SET DEFAULT";

export interface ForeignKeyModel {
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export interface TableModel {
  columns: Record<string, ColumnModel>;
  primaryKey?: { name: string; columns: string[] };
  /** By index name. */
  indexes: Record<string, IndexModel>;
  /** By constraint name. */
  foreignKeys: Record<string, ForeignKeyModel>;
}

export interface SchemaModel {
  /** Enum type name -> values in declaration order. */
  enums: Record<string, string[]>;
  tables: Record<string, TableModel>;
}

// ---------------------------------------------------------------------------
// From schema.prisma
// ---------------------------------------------------------------------------

type Dmmf = Awaited<ReturnType<typeof getDMMF>>;
type DmmfModel = Dmmf["datamodel"]["models"][number];
type DmmfField = DmmfModel["fields"][number];

export async function expectedSchemaFromPrisma(schemaPath: string): Promise<SchemaModel> {
  return expectedSchemaFromDatamodel(await readFile(schemaPath, "utf8"));
}

/** The same, from the text of a schema.prisma (tests parse edited variants this way). */
export async function expectedSchemaFromDatamodel(datamodel: string): Promise<SchemaModel> {
  const { datamodel: dm } = await getDMMF({ datamodel });

  const enums: SchemaModel["enums"] = {};
  const enumDbNames = new Map<string, string>();
  for (const e of dm.enums) {
    enumDbNames.set(e.name, e.dbName ?? e.name);
    enums[e.dbName ?? e.name] = e.values.map((v) => v.dbName ?? v.name);
  }

  const modelsByName = new Map(dm.models.map((m) => [m.name, m]));
  const tableName = (m: DmmfModel) => m.dbName ?? m.name;
  const columnName = (f: DmmfField) => f.dbName ?? f.name;
  // The DMMF leaves Unsupported(...) fields out, so they are read from the text itself.
  const unsupported = unsupportedFields(datamodel);
  const columnOf = (m: DmmfModel, fieldName: string) => {
    const field = m.fields.find((f) => f.name === fieldName);
    if (field) return columnName(field);
    const other = unsupported.get(m.name)?.find((f) => f.name === fieldName);
    if (!other) throw new Error(`schema-model: ${m.name} has no field ${fieldName}`);
    return other.column;
  };

  const tables: SchemaModel["tables"] = {};
  for (const model of dm.models) {
    const table: TableModel = { columns: {}, indexes: {}, foreignKeys: {} };
    const name = tableName(model);
    for (const field of model.fields) {
      if (field.kind === "object") continue;
      table.columns[columnName(field)] = {
        type: postgresTypeOf(field, enumDbNames),
        // List columns are NOT NULL only if marked so; Prisma makes them required.
        nullable: !field.isRequired,
        default: expectedDefault(field),
      };
    }
    for (const field of unsupported.get(model.name) ?? []) {
      table.columns[field.column] = {
        type: field.type,
        nullable: field.optional,
        ...(field.dbgenerated === undefined ? {} : isLiteral(field.dbgenerated) ? { default: "present" } : { generated: field.dbgenerated }),
      };
    }

    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const target = modelsByName.get(field.type);
      if (!target) throw new Error(`schema-model: relation ${model.name}.${field.name} points at unknown model ${field.type}`);
      const columns = field.relationFromFields.map((f) => columnOf(model, f));
      table.foreignKeys[constraintName(name, columns, "_fkey")] = {
        columns,
        referencedTable: tableName(target),
        referencedColumns: (field.relationToFields ?? []).map((f) => columnOf(target, f)),
        // Prisma's defaults: an optional relation sets null, a required one restricts.
        onDelete: referentialAction(field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")),
        onUpdate: referentialAction(field.relationOnUpdate ?? "Cascade"),
      };
    }

    // Implicit many-to-many relations need a hidden join table (_AToB); we have none, so
    // rather than model it, refuse loudly if one appears.
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.isList) continue;
      const target = modelsByName.get(field.type);
      const back = target?.fields.find((f) => f.relationName === field.relationName && f !== field);
      if (back?.isList) {
        throw new Error(`schema-model: implicit many-to-many relation ${field.relationName} is not supported; extend test/schema-model.ts`);
      }
    }
    tables[name] = table;
  }

  for (const index of dm.indexes) {
    const model = modelsByName.get(index.model);
    if (!model) continue;
    const table = tables[tableName(model)];
    const columns = index.fields.map((f) => columnOf(model, f.name));
    if (index.type === "id") {
      table.primaryKey = { name: index.dbName ?? constraintName(tableName(model), [], "_pkey"), columns };
      continue;
    }
    if (index.type === "fulltext") throw new Error("schema-model: fulltext indexes do not exist on PostgreSQL");
    const suffix = index.type === "unique" ? "_key" : "_idx";
    table.indexes[index.dbName ?? constraintName(tableName(model), columns, suffix)] = {
      unique: index.type === "unique",
      columns: index.fields.map(
        (f, i) => columns[i] + (f.operatorClass ? ` ${operatorClassName(f.operatorClass)}` : "") + (f.sortOrder === "desc" ? " DESC" : ""),
      ),
      method: (index.algorithm ?? "BTree").toLowerCase(),
    };
  }

  return { enums, tables };
}

interface UnsupportedField {
  name: string;
  column: string;
  /** As written in Unsupported("…"). */
  type: string;
  optional: boolean;
  /** The argument of @default(dbgenerated("…")), if any. */
  dbgenerated?: string;
}

/** A constant such as `'english'::regconfig`: an Unsupported field's dbgenerated() that is a plain default, not a generated column. */
function isLiteral(expression: string): boolean {
  return /^'(?:[^']|'')*'::\w+$/.test(expression);
}

/** The `Unsupported("…")` fields of each model, read from the schema's text. */
function unsupportedFields(datamodel: string): Map<string, UnsupportedField[]> {
  const byModel = new Map<string, UnsupportedField[]>();
  for (const model of datamodel.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const fields: UnsupportedField[] = [];
    for (const line of model[2].split("\n")) {
      const field = /^\s*(\w+)\s+Unsupported\("((?:[^"\\]|\\.)*)"\)(\?)?(.*)$/.exec(line);
      if (!field) continue;
      const attributes = field[4];
      const generated = /@default\(dbgenerated\("((?:[^"\\]|\\.)*)"\)\)/.exec(attributes);
      const mapped = /@map\("([^"]+)"\)/.exec(attributes);
      fields.push({
        name: field[1],
        column: mapped?.[1] ?? field[1],
        type: field[2],
        optional: field[3] === "?",
        ...(generated ? { dbgenerated: generated[1].replace(/\\(.)/g, "$1") } : {}),
      });
    }
    byModel.set(model[1], fields);
  }
  return byModel;
}

/** Prisma's operator class names (JsonbPathOps) as PostgreSQL spells them (jsonb_path_ops); raw("…") names as given. */
function operatorClassName(name: string) {
  return /^[a-z0-9_]+$/.test(name) ? name : name.replace(/(?<=[a-z0-9])([A-Z])/g, "_$1").toLowerCase();
}

/**
 * Prisma's default constraint names: Table_col1_col2_suffix (Table_pkey for primary keys),
 * cut to PostgreSQL's 63-byte identifier limit by shortening the part before the suffix.
 */
function constraintName(table: string, columns: string[], suffix: string) {
  const body = [table, ...columns].join("_");
  return body.slice(0, 63 - suffix.length) + suffix;
}

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

function postgresTypeOf(field: DmmfField, enumDbNames: Map<string, string>): string {
  let type: string;
  if (field.kind === "enum") type = enumDbNames.get(field.type) ?? field.type;
  else if (field.nativeType) type = nativeTypeName(field.nativeType[0], field.nativeType[1]);
  else if (field.kind === "unsupported") type = field.type; // Unsupported("x"): as written
  else {
    type = SCALAR_TYPES[field.type];
    if (!type) throw new Error(`schema-model: no PostgreSQL type known for ${field.name} ${field.type}`);
  }
  return field.isList ? `${type}[]` : type;
}

/** @db.X attributes, spelled as format_type() prints the resulting column type. */
function nativeTypeName(name: string, args: readonly string[]): string {
  const params = args.length ? `(${args.join(",")})` : "";
  switch (name) {
    case "Text": return "text";
    case "VarChar": return `character varying${params}`;
    case "Char": return `character${params || "(1)"}`;
    case "Uuid": return "uuid";
    case "Date": return "date";
    case "Time": return `time${params} without time zone`;
    case "Timetz": return `time${params} with time zone`;
    case "Timestamp": return `timestamp${params} without time zone`;
    case "Timestamptz": return `timestamp${params} with time zone`;
    case "SmallInt": return "smallint";
    case "Integer": return "integer";
    case "BigInt": return "bigint";
    case "Oid": return "oid";
    case "Real": return "real";
    case "DoublePrecision": return "double precision";
    case "Decimal": return `numeric${params}`;
    case "Money": return "money";
    case "Boolean": return "boolean";
    case "Json": return "json";
    case "JsonB": return "jsonb";
    case "ByteA": return "bytea";
    case "Xml": return "xml";
    case "Inet": return "inet";
    case "Citext": return "citext";
    case "Bit": return `bit${params || "(1)"}`;
    case "VarBit": return `bit varying${params}`;
    default: return name.toLowerCase() + params;
  }
}

/** What default the column gets in the database; see ColumnModel.default. */
function expectedDefault(field: DmmfField): string | undefined {
  if (!field.hasDefaultValue || field.default === undefined) return undefined;
  const value = field.default;
  if (typeof value === "object" && !Array.isArray(value)) {
    const fn = value as { name: string };
    switch (fn.name) {
      // Generated by the Prisma client, not the database.
      case "cuid": case "uuid": case "nanoid": case "ulid": return undefined;
      case "autoincrement": return "autoincrement";
      case "now": return "now";
      default: return "present"; // dbgenerated(...) and friends
    }
  }
  if (Array.isArray(value)) return "present"; // scalar-list defaults
  if (field.type === "Json" || field.type === "DateTime" || field.nativeType) return "present";
  return String(value);
}

function referentialAction(prismaAction: string): ReferentialAction {
  const actions: Record<string, ReferentialAction> = {
    Cascade: "CASCADE",
    Restrict: "RESTRICT",
    NoAction: "NO ACTION",
    SetNull: "SET NULL",
    SetDefault: "SET DEFAULT",
  };
  const action = actions[prismaAction];
  if (!action) throw new Error(`schema-model: unknown referential action ${prismaAction}`);
  return action;
}

// ---------------------------------------------------------------------------
// From a live database
// ---------------------------------------------------------------------------

const IGNORED_TABLES = ["_prisma_migrations"];

export async function actualSchemaFromDatabase(client: Client): Promise<SchemaModel> {
  const enums: SchemaModel["enums"] = {};
  const enumRows = await client.query<{ name: string; values: string[] }>(`
    SELECT t.typname AS name,
           array(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)::text[] AS values
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = 'public' AND t.typtype = 'e'`);
  for (const row of enumRows.rows) enums[row.name] = row.values;

  const tables: SchemaModel["tables"] = {};
  const tableRows = await client.query<{ name: string }>(`
    SELECT c.relname AS name
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> ALL($1::text[])`, [IGNORED_TABLES]);
  for (const row of tableRows.rows) tables[row.name] = { columns: {}, indexes: {}, foreignKeys: {} };

  const columnRows = await client.query<{
    table: string; column: string; type: string; notnull: boolean; default: string | null; identity: string; generated: string;
  }>(`
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
           a.attnotnull AS notnull, pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity::text AS identity,
           a.attgenerated::text AS generated
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY c.relname, a.attnum`);
  for (const row of columnRows.rows) {
    const table = tables[row.table];
    if (!table) continue;
    // A generated column's "default" is its expression ('s' stored, 'v' virtual).
    if (row.generated) {
      table.columns[row.column] = {
        type: unquoteType(row.type),
        nullable: !row.notnull,
        generated: row.generated === "s" ? (row.default ?? "") : `VIRTUAL ${row.default ?? ""}`,
      };
      continue;
    }
    table.columns[row.column] = {
      type: unquoteType(row.type),
      nullable: !row.notnull,
      default: row.identity ? "autoincrement" : actualDefault(row.default),
    };
  }

  const constraintRows = await client.query<{
    table: string; name: string; type: string; columns: string[];
    referenced_table: string | null; referenced_columns: string[] | null; on_delete: string; on_update: string;
  }>(`
    SELECT c.relname AS table, k.conname AS name, k.contype::text AS type,
           array(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.ord)::text[] AS columns,
           r.relname AS referenced_table,
           array(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum ORDER BY u.ord)::text[] AS referenced_columns,
           k.confdeltype::text AS on_delete, k.confupdtype::text AS on_update
      FROM pg_constraint k
      JOIN pg_class c ON c.oid = k.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_class r ON r.oid = k.confrelid
     WHERE n.nspname = 'public' AND k.contype IN ('p', 'f')`);
  for (const row of constraintRows.rows) {
    const table = tables[row.table];
    if (!table) continue;
    if (row.type === "p") {
      table.primaryKey = { name: row.name, columns: row.columns };
    } else {
      table.foreignKeys[row.name] = {
        columns: row.columns,
        referencedTable: row.referenced_table ?? "?",
        referencedColumns: row.referenced_columns ?? [],
        onDelete: FK_ACTIONS[row.on_delete],
        onUpdate: FK_ACTIONS[row.on_update],
      };
    }
  }

  // Every index except the primary key's. Unique constraints show up here too, as their
  // backing unique index (Prisma itself creates unique indexes, not constraints).
  const indexRows = await client.query<{ table: string; name: string; unique: boolean; method: string; columns: string[]; where: string | null }>(`
    SELECT t.relname AS table, ic.relname AS name, i.indisunique AS unique, am.amname::text AS method,
           array(SELECT CASE WHEN k.attnum = 0 THEN pg_get_indexdef(i.indexrelid, k.ord::int, true)
                             ELSE (SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = k.attnum) END
                        || COALESCE((SELECT ' ' || o.opcname FROM pg_opclass o WHERE o.oid = k.opclass AND NOT o.opcdefault), '')
                        || CASE WHEN k.opt & 1 = 1 THEN ' DESC' ELSE '' END
                   FROM unnest(i.indkey::int2[], i.indoption::int2[], i.indclass::oid[]) WITH ORDINALITY k(attnum, opt, opclass, ord)
                  WHERE k.ord <= i.indnkeyatts
                  ORDER BY k.ord)::text[] AS columns,
           pg_get_expr(i.indpred, i.indrelid) AS where
      FROM pg_index i
      JOIN pg_class t ON t.oid = i.indrelid
      JOIN pg_class ic ON ic.oid = i.indexrelid
      JOIN pg_am am ON am.oid = ic.relam
      JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND NOT i.indisprimary`);
  for (const row of indexRows.rows) {
    const table = tables[row.table];
    if (!table) continue;
    table.indexes[row.name] = { unique: row.unique, columns: row.columns, method: row.method, ...(row.where ? { where: row.where } : {}) };
  }

  return { enums, tables };
}

const FK_ACTIONS: Record<string, ReferentialAction> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

/** format_type() quotes mixed-case names ("Role", "Role"[]); the model compares them bare. */
function unquoteType(type: string) {
  return type.replace(/"((?:[^"]|"")*)"/g, (_, name: string) => name.replace(/""/g, '"'));
}

/** Normalises a column default expression the way expectedDefault() describes it. */
function actualDefault(expression: string | null): string | undefined {
  if (expression === null) return undefined;
  if (/^nextval\(/i.test(expression)) return "autoincrement";
  if (/^(CURRENT_TIMESTAMP|now\(\))/i.test(expression)) return "now";
  // 'REVIEWER'::"Role", 0, '-1'::integer, true, 'x'::text: strip the cast, then the quotes.
  const literal = expression.replace(/::[\w ."[\]()]+$/, "");
  const quoted = /^'((?:[^']|'')*)'$/.exec(literal);
  if (quoted) return quoted[1].replace(/''/g, "'");
  if (/^-?[\d.]+(e-?\d+)?$/i.test(literal) || /^(true|false)$/i.test(literal)) return literal.toLowerCase();
  return "present";
}

// ---------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------

/**
 * Human-readable differences between the schema.prisma model and the database; empty
 * when they match. Each line names the table, column, index, constraint or enum involved.
 */
export function compareSchemas(expected: SchemaModel, actual: SchemaModel): string[] {
  const differences: string[] = [];
  const say = (line: string) => differences.push(line);
  const show = (value: unknown) => JSON.stringify(value);

  for (const name of union(expected.enums, actual.enums)) {
    const want = expected.enums[name];
    const have = actual.enums[name];
    if (!have) say(`enum "${name}" is missing from the database`);
    else if (!want) say(`enum "${name}" exists in the database but not in schema.prisma`);
    else if (show(want) !== show(have)) say(`enum "${name}": values are ${show(have)} in the database, ${show(want)} in schema.prisma`);
  }

  for (const tableName of union(expected.tables, actual.tables)) {
    const want = expected.tables[tableName];
    const have = actual.tables[tableName];
    if (!have) { say(`table "${tableName}" is missing from the database`); continue; }
    if (!want) { say(`table "${tableName}" exists in the database but not in schema.prisma`); continue; }

    for (const name of union(want.columns, have.columns)) {
      const column = `column "${tableName}"."${name}"`;
      const w = want.columns[name];
      const h = have.columns[name];
      if (!h) { say(`${column} is missing from the database`); continue; }
      if (!w) { say(`${column} exists in the database but not in schema.prisma`); continue; }
      if (w.type !== h.type) say(`${column}: type is ${h.type} in the database, ${w.type} in schema.prisma`);
      if (w.nullable !== h.nullable) {
        say(`${column}: ${h.nullable ? "nullable" : "NOT NULL"} in the database, ${w.nullable ? "optional" : "required"} in schema.prisma`);
      }
      if (!sameDefault(w.default, h.default)) {
        say(`${column}: default is ${h.default ?? "none"} in the database, ${w.default ?? "none"} in schema.prisma`);
      }
      if (w.generated !== h.generated) {
        const as = (expression: string | undefined) => (expression === undefined ? "a plain column" : `generated as ${expression}`);
        say(`${column}: ${as(h.generated)} in the database, ${as(w.generated)} in schema.prisma`);
      }
    }

    if (show(want.primaryKey) !== show(have.primaryKey)) {
      say(`table "${tableName}": primary key is ${show(have.primaryKey ?? null)} in the database, ${show(want.primaryKey ?? null)} in schema.prisma`);
    }

    for (const name of union(want.indexes, have.indexes)) {
      const w = want.indexes[name];
      const h = have.indexes[name];
      const index = `${(w ?? h).unique ? "unique index" : "index"} "${name}" on "${tableName}"`;
      if (!h) say(`${index} ${show(w.columns)} is missing from the database`);
      else if (!w) say(`${index} ${show(h.columns)} exists in the database but not in schema.prisma`);
      else {
        for (const key of ["unique", "columns", "method", "where"] as const) {
          if (show(w[key]) !== show(h[key])) say(`${index}: ${key} is ${show(h[key] ?? null)} in the database, ${show(w[key] ?? null)} in schema.prisma`);
        }
      }
    }

    for (const name of union(want.foreignKeys, have.foreignKeys)) {
      const w = want.foreignKeys[name];
      const h = have.foreignKeys[name];
      const fk = `foreign key "${name}" on "${tableName}"`;
      if (!h) say(`${fk} is missing from the database`);
      else if (!w) say(`${fk} exists in the database but not in schema.prisma`);
      else {
        for (const key of ["columns", "referencedTable", "referencedColumns", "onDelete", "onUpdate"] as const) {
          if (show(w[key]) !== show(h[key])) say(`${fk}: ${key} is ${show(h[key])} in the database, ${show(w[key])} in schema.prisma`);
        }
      }
    }
  }
  return differences;
}

/** "present" on either side means only presence is compared. */
function sameDefault(expected: string | undefined, actual: string | undefined) {
  if (expected === undefined || actual === undefined) return expected === actual;
  return expected === "present" || actual === "present" || expected === actual;
}

function union(a: object, b: object): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}
