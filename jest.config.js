// Two Jest projects: `unit` (pure code, *.test.ts) and `db` (*.db.test.ts, each
// file against its own freshly migrated database; see test/db.ts).
const nextJest = require("next/jest");

const createJestConfig = nextJest({ dir: __dirname });

const shared = {
  testEnvironment: "node",
  moduleNameMapper: {
    "^@/(.*)$": "<rootDir>/$1",
    "^server-only$": "<rootDir>/test/empty-module.js",
    // eld exports its entries for `import` only, a condition Jest's resolver does not use.
    "^eld/small$": "<rootDir>/node_modules/eld/src/entries/static.small.js",
  },
};

async function project(displayName, overrides) {
  const config = await createJestConfig({ ...shared, displayName, ...overrides })();
  // The Prisma 7 client runtime, htmlparser2 (with its dom* and entities packages), approx-string-match, feed, Apache
  // Annotator (with its Babel runtime helpers), linkedom (with its css-* packages), eld and @exodus/bytes ship ES modules only:
  // let SWC transform them.
  config.transformIgnorePatterns = [
    "/node_modules/(?!(feed|@prisma/client/runtime|htmlparser2|domhandler|domutils|domelementtype|dom-serializer|entities|approx-string-match|@apache-annotator|@babel/runtime-corejs3|eld|@exodus/bytes|linkedom|uhyphen|html-escaper|css-select|css-what|nth-check|boolbase|cssomnom)/)",
  ];
  return config;
}

module.exports = async () => ({
  // Jest reads the timeout only here, not per project; starting an embedded database takes seconds.
  testTimeout: 60000,
  projects: [
    await project("unit", { testMatch: ["<rootDir>/{lib,components,app,scripts,bench}/**/*.test.{ts,tsx}"], testPathIgnorePatterns: ["\\.db\\.test\\.ts$"] }),
    await project("db", { testMatch: ["<rootDir>/{lib,test,app,scripts}/**/*.db.test.ts"] }),
  ],
});
