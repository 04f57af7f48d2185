import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv, { type ValidateFunction } from "ajv-draft-04";
import addFormats from "ajv-formats";

/**
 * The W3C's Web Annotation model tests (lib/export/__fixtures__/w3c-web-annotation-tests,
 * see its README) run with ajv as the suite's own runner runs them: each `.test` file lists
 * assertion schemas; each assertion is a JSON Schema (draft-04) that the object under test is
 * expected to match ("expectedResult": "valid"), of type must, should or may.
 */

const ROOT = path.join(process.cwd(), "lib", "export", "__fixtures__", "w3c-web-annotation-tests");

export type Subject = "annotation" | "collection" | "page";

/** Which `.test` files check which kind of object. */
const TEST_FILES: Record<Subject, string[]> = {
  annotation: ["annotations/annotationMusts.test", "annotations/annotationOptionals.test", "annotations/annotationsAgentOptionals.test"],
  collection: ["collections/collectionMusts.test", "collections/collectionOptionals.test"],
  page: ["collections/pages/pageMusts.test", "collections/pages/pageOptionals.test"],
};

export interface AssertionResult {
  /** The assertion file's name without ".json", e.g. "3.1-annotationContextValidated". */
  name: string;
  type: "must" | "should" | "may";
  subject: Subject;
  /** Whether every object checked matched the assertion's schema. */
  passed: boolean;
  /** Why the first object that did not match failed (ajv's first error). */
  failure?: string;
}

const readJson = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), "utf8")) as Record<string, unknown>;

function makeAjv() {
  // The suite's schemas carry their own keywords (assertionType…), and are third-party: not strict.
  const ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv);
  for (const file of readdirSync(path.join(ROOT, "definitions")).filter((f) => f.endsWith(".json"))) ajv.addSchema(readJson(`definitions/${file}`));
  return ajv;
}

interface Assertion {
  name: string;
  type: AssertionResult["type"];
  validate: ValidateFunction;
}

let compiled: Map<Subject, Assertion[]> | undefined;

function assertions(subject: Subject): Assertion[] {
  if (!compiled) {
    const ajv = makeAjv();
    compiled = new Map();
    for (const [kind, files] of Object.entries(TEST_FILES) as Array<[Subject, string[]]>) {
      const list: Assertion[] = [];
      for (const testFile of files) {
        for (const file of readJson(testFile).assertions as string[]) {
          // Assertion files in different folders share ids: compiled without theirs, their
          // references ("annotations.json#/…") still name the definitions.
          const schema = readJson(file);
          delete schema.id;
          list.push({ name: path.basename(file, ".json"), type: schema.assertionType as Assertion["type"], validate: ajv.compile(schema) });
        }
      }
      compiled.set(kind, list);
    }
  }
  return compiled.get(subject)!;
}

/** Every assertion of the suite for `subject`, run on each of `objects` (JSON, as a consumer reads it). */
export function checkModel(subject: Subject, objects: unknown[]): AssertionResult[] {
  return assertions(subject).map(({ name, type, validate }) => {
    for (const object of objects) {
      if (!validate(object)) {
        const [error] = validate.errors ?? [];
        return { name, type, subject, passed: false, failure: error ? `${error.instancePath || "/"} ${error.message}` : "invalid" };
      }
    }
    return { name, type, subject, passed: true };
  });
}

/** The results as lines "MUST annotation 3.1-annotationContextValidated: passed", for the test's output. */
export function reportLines(results: AssertionResult[]): string[] {
  return results.map((r) => `${r.type.toUpperCase().padEnd(6)} ${r.subject.padEnd(10)} ${r.name}: ${r.passed ? "passed" : `failed (${r.failure})`}`);
}
