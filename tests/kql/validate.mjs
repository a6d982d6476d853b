#!/usr/bin/env node
// Checks KQL texts with the official Kusto language service (npm @kusto/language-service-next: Kusto.Language, the
// parser and binder of Azure Data Explorer / Log Analytics, compiled to JavaScript) against the real column schemas of
// the Log Analytics tables the product queries.
//
// Usage: node tests/kql/validate.mjs [--schemas DIR] [--keywords] [FILE | -]
//   FILE (or stdin when FILE is '-' or absent) holds JSON: either a list of queries or {"queries": [...]}, each query
//   {"name": "...", "kql": "...", "tables": {"source": [["Column", "type"], ...]}, "tokens": false}.
//   "tables" (optional) declares ad-hoc tables for that query on top of the reference database, e.g. the input stream
//   `source` of a data collection rule transformation; a table of the same name replaces the reference one.
//   "tokens" (optional) adds the lexical tokens (kind, the whitespace and comments before it, text), with the decoded
//   value of each string literal.
//   --schemas DIR: the folder holding tables.json and sentinel/*.json (default ../shared/reference-data/azure/schemas
//   beside the repository). --keywords adds the language's keywords to the output.
// Output (stdout): JSON {"tables": {"SecurityEvent": 228, ...}, "results": [{"name", "diagnostics": [{"severity",
//   "code", "message", "start", "length", "excerpt"}], "tokens"?: [{"kind", "trivia", "text", "value"?}]}], "keywords"?: [...]}.
//   Every diagnostic of the parser and binder is reported: syntax errors, unknown tables, columns and functions, type
//   errors. Exit code 0 when no query has a diagnostic, 1 when some do, 2 when the input or a schema is invalid (the
//   message on stderr names the file, query or column).
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repositoryRoot = resolve(here, '..', '..');

class InputError extends Error {}

function parseArguments(argv) {
  const options = { schemas: resolve(repositoryRoot, '..', 'shared', 'reference-data', 'azure', 'schemas'), keywords: false, input: '-' };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--schemas') {
      if (index + 1 >= argv.length) throw new InputError('--schemas expects a folder; received nothing.');
      options.schemas = resolve(argv[++index]);
    } else if (argument === '--keywords') {
      options.keywords = true;
    } else if (argument.startsWith('--')) {
      throw new InputError(`Unknown option '${argument}'; expected --schemas DIR, --keywords or an input file.`);
    } else {
      options.input = argument;
    }
  }
  return options;
}

function loadLanguageService() {
  const require = createRequire(join(repositoryRoot, 'package.json'));
  require('@kusto/language-service-next/bridge.min.js');
  require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
  return globalThis.Kusto.Language;
}

const K = loadLanguageService();
const Symbols = K.Symbols;
const TypeAliases = { float: 'real', double: 'real', bigint: 'long', boolean: 'bool', date: 'datetime', int32: 'int', int64: 'long' };

function scalarType(typeName, where) {
  const name = String(typeName ?? '').toLowerCase();
  const symbol = typeof typeName === 'string' ? Symbols.ScalarTypes.GetSymbol(TypeAliases[name] ?? name) : null;
  if (!symbol) {
    throw new InputError(`${where}: unknown column type ${JSON.stringify(typeName)}; expected a Kusto scalar type `
      + '(string, int, long, real, decimal, bool, datetime, timespan, guid, dynamic).');
  }
  return symbol;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError(`${path}: ${error.message}`);
  }
}

// The reference schemas: Microsoft's Azure Monitor table reference (tables.json) and the custom tables of Sentinel's
// own KQL validation CI (sentinel/*.json). A table's columns are the union of both; where both list a column, the
// Azure Monitor reference's type is used (it documents the service).
function loadReferenceTables(folder) {
  const documented = join(folder, 'tables.json');
  if (!existsSync(documented)) throw new InputError(`${documented}: not found; pass --schemas DIR.`);
  const tables = new Map();
  for (const [table, columns] of Object.entries(readJson(documented).tables ?? {})) {
    tables.set(table, new Map(columns.map(([name, type]) => [name, scalarType(type, `${documented} ${table}.${name}`)])));
  }
  const sentinel = join(folder, 'sentinel');
  for (const file of existsSync(sentinel) ? readdirSync(sentinel).filter(name => name.endsWith('.json')).sort() : []) {
    const path = join(sentinel, file);
    const schema = readJson(path);
    const columns = tables.get(schema.Name) ?? new Map();
    for (const property of schema.Properties ?? []) {
      const name = property.Name ?? property.name;
      if (typeof name !== 'string' || name === '') throw new InputError(`${path}: a property of ${schema.Name} has no name.`);
      const type = scalarType(property.Type ?? property.type, `${path} ${schema.Name}.${name}`);
      if (!columns.has(name)) columns.set(name, type);
    }
    tables.set(schema.Name, columns);
  }
  return tables;
}

function tableSymbol(name, columns) {
  const symbols = [...columns].map(([column, type]) => new Symbols.ColumnSymbol(column, type, null, null, null, null));
  return new Symbols.TableSymbol.$ctor4(name, symbols);
}

function adHocTables(query, where) {
  const tables = new Map();
  for (const [table, columns] of Object.entries(query.tables ?? {})) {
    if (!Array.isArray(columns)) throw new InputError(`${where}: table '${table}' expects a list of [name, type] pairs.`);
    tables.set(table, new Map(columns.map((column, index) => {
      if (!Array.isArray(column) || typeof column[0] !== 'string' || column[0] === '') {
        throw new InputError(`${where}: column ${index} of table '${table}' expects [name, type]; received ${JSON.stringify(column)}.`);
      }
      return [column[0], scalarType(column[1], `${where} ${table}.${column[0]}`)];
    })));
  }
  return tables;
}

function globalsFor(reference, extra) {
  const tables = new Map([...reference, ...extra]);
  const database = new Symbols.DatabaseSymbol.$ctor1('workspace', [...tables].map(([name, columns]) => tableSymbol(name, columns)), false);
  return K.GlobalState.Default.WithDatabase(database);
}

function excerpt(text, start, length) {
  const from = Math.max(0, start - 30);
  return text.slice(from, Math.min(text.length, start + Math.max(length, 1) + 30));
}

function check(query, globals) {
  const code = K.KustoCode.ParseAndAnalyze(query.kql, globals);
  const diagnostics = Bridge.toArray(code.GetDiagnostics()).map(diagnostic => ({
    severity: diagnostic.Severity, code: diagnostic.Code, message: diagnostic.Message,
    start: diagnostic.Start, length: diagnostic.Length, excerpt: excerpt(query.kql, diagnostic.Start, diagnostic.Length),
  }));
  const result = { name: query.name, diagnostics };
  if (query.tokens) {
    result.tokens = Bridge.toArray(code.GetLexicalTokens()).map(token => {
      const kind = System.Enum.toString(K.Syntax.SyntaxKind, token.Kind);
      const lexical = { kind, trivia: token.Trivia, text: token.Text };
      if (kind === 'StringLiteralToken') lexical.value = K.KustoFacts.GetStringLiteralValue(token.Text);
      return lexical;
    });
  }
  return result;
}

function parseStdin() {
  try {
    return JSON.parse(readFileSync(0, 'utf8'));
  } catch (error) {
    throw new InputError(`stdin: ${error.message}`);
  }
}

function readQueries(input) {
  const document = input === '-' ? parseStdin() : readJson(input);
  const queries = Array.isArray(document) ? document : document?.queries;
  if (!Array.isArray(queries)) throw new InputError(`${input === '-' ? 'stdin' : input}: expected a list of queries or {"queries": [...]}.`);
  queries.forEach((query, index) => {
    if (typeof query?.name !== 'string' || typeof query?.kql !== 'string') {
      throw new InputError(`query ${index}: expected {"name": string, "kql": string}; received ${JSON.stringify(query).slice(0, 200)}.`);
    }
  });
  return queries;
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  const reference = loadReferenceTables(options.schemas);
  const queries = readQueries(options.input);
  const referenceGlobals = globalsFor(reference, new Map());
  const cache = new Map();
  const results = queries.map((query, index) => {
    if (!query.tables) return check(query, referenceGlobals);
    const key = JSON.stringify(query.tables);
    if (!cache.has(key)) cache.set(key, globalsFor(reference, adHocTables(query, `query ${index} '${query.name}'`)));
    return check(query, cache.get(key));
  });
  const output = { tables: Object.fromEntries([...reference].map(([name, columns]) => [name, columns.size])), results };
  if (options.keywords) output.keywords = Bridge.toArray(K.Syntax.SyntaxFacts.Keywords);
  process.stdout.write(JSON.stringify(output) + '\n');
  return results.some(result => result.diagnostics.length > 0) ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`validate.mjs: ${error instanceof InputError ? error.message : error.stack}\n`);
  process.exitCode = 2;
}
